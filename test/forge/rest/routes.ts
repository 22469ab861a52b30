// Every REST operation the forge implements, keyed by OpenAPI method + template.
import { commentRoutes } from './comments.js';
import { compareRoutes } from './compare.js';
import type { RouteTable } from './context.js';
import { pullRoutes } from './pulls.js';
import { refRoutes } from './refs.js';
import { repoRoutes } from './repos.js';

export const restRoutes: RouteTable = {
  ...repoRoutes,
  ...refRoutes,
  ...pullRoutes,
  ...commentRoutes,
  ...compareRoutes,
};
