/** Which service and release this process is; injectable by class (`constructor(build: BuildInfo)`). */
export class BuildInfo {
  constructor(
    readonly service: string,
    readonly version: string,
  ) {}
}
