import { Logger } from '@aws-lambda-powertools/logger';

/** One logger per function; the service name is the function's topology name. */
export const createLogger = (serviceName: string): Logger => new Logger({ serviceName });
