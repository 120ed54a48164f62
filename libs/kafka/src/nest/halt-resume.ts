import { INestApplication } from '@nestjs/common';
import { credentialMatches, SERVICE_CREDENTIAL_HEADER } from '@clearing/config';

/** The internal endpoint an operator (through the clearing API) resumes a halted partition with. */
export const RESUME_HALT_PATH = '/internal/halted-partitions/resume';

export interface Resumable {
  resumeHalted(topic: string, partition: number): Promise<boolean>;
}

export interface ResumeRequest {
  readonly headers: Record<string, unknown>;
  readonly query: Record<string, unknown>;
}

/**
 * Decides one resume request against this instance's loops: 401 without the service credential, 400 for
 * a malformed partition, 404 when no loop here has it halted, 200 once a loop resumed it.
 */
export async function resumeRequest(
  loops: readonly Resumable[],
  credential: string,
  request: ResumeRequest,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const presented = request.headers[SERVICE_CREDENTIAL_HEADER];
  if (typeof presented !== 'string' || !credentialMatches(presented, credential))
    return { status: 401, body: { message: `requires the ${SERVICE_CREDENTIAL_HEADER} header` } };
  const topic = request.query.topic;
  const partition = Number(request.query.partition);
  if (
    typeof topic !== 'string' ||
    topic.length === 0 ||
    topic.length > 249 ||
    !/^\d{1,6}$/.test(String(request.query.partition))
  )
    return { status: 400, body: { message: 'topic and partition (a non-negative integer) are required' } };
  for (const loop of loops)
    if (await loop.resumeHalted(topic, partition))
      return { status: 200, body: { resumed: true, topic, partition } };
  return { status: 404, body: { message: `${topic}:${partition} is not halted on this instance` } };
}

const loopsByApp = new WeakMap<INestApplication, Resumable[]>();

/**
 * Adds a consume loop to its app's resume endpoint (registered with the first loop). A plain route on the
 * HTTP adapter rather than a controller, so every service that connects a batch loop has it without
 * wiring; topic and partition travel in the query string (it is served before Nest's body parser).
 */
export function exposeHaltResume(app: INestApplication, loop: Resumable, credential: string): void {
  let loops = loopsByApp.get(app);
  if (loops === undefined) {
    const registered: Resumable[] = (loops = []);
    loopsByApp.set(app, registered);
    const http = app.getHttpAdapter();
    http.post(RESUME_HALT_PATH, (request: ResumeRequest, response: unknown) => {
      void resumeRequest(registered, credential, request).then(
        ({ status, body }) => http.reply(response, body, status),
        (error: Error) => http.reply(response, { message: error.message }, 500),
      );
    });
  }
  loops.push(loop);
}
