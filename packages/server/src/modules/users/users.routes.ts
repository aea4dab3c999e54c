import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app-services.js';

export function registerUserRoutes(_app: FastifyInstance, _services: AppServices): void {}
