import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { makePublicDocs } from './public-docs.js';

const config = functionConfig('publicDocs');

export const handler = makePublicDocs({ logger: createLogger('publicDocs'), codeVersion: config.DDS_CODE_VERSION });
