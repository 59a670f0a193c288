// The one place that builds the S3 client, traced as every client is
// (clients.ts). A configured endpoint means s3rver, which needs fixed
// credentials, path-style addressing and checksums only when required.
import { S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, tracer, withoutSdkLogging, type ClientConfig } from './clients.js';

/** Report files can be large: more time per request, the same fast failure to connect. */
export const S3_HTTP = { connectionTimeout: 3_000, requestTimeout: 30_000, throwOnRequestTimeout: true } as const;

export function s3Client(config: ClientConfig): S3Client {
  const endpoint = config.AWS_ENDPOINT_URL_S3;
  return tracer.captureAWSv3Client(
    withoutSdkLogging(
      new S3Client({
        region: config.AWS_REGION,
        requestHandler: S3_HTTP,
        ...(endpoint
          ? {
              endpoint,
              credentials: LOCAL_CREDENTIALS,
              forcePathStyle: true,
              requestChecksumCalculation: 'WHEN_REQUIRED',
              responseChecksumValidation: 'WHEN_REQUIRED',
            }
          : {}),
      }),
    ),
  );
}
