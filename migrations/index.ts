import { ConsumerCheckpoints1764000000000 } from './1764000000000-ConsumerCheckpoints';

/** Every migration in order. Listed explicitly (not globbed) so the same list works from src and dist. */
export const MIGRATIONS = [ConsumerCheckpoints1764000000000];
