import { z } from 'zod';
import { periodSchema } from './periods.js';

export const reportRequestSchema = z.strictObject({ period: periodSchema });
