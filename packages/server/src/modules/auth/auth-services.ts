import type { RoleServices } from '../roles/index.js';
import type { SessionService } from './session.service.js';

/** What the auth module needs: the platform, the sessions, and the permissions of each role. */
export interface AuthServices extends RoleServices {
  readonly sessions: SessionService;
}
