// Bundled in place of `@aws-sdk/credential-provider-node` (infra/bundling.ts).
// On Lambda the function's credentials are in its environment; the SDK's
// default chain would also bundle, compile and set up the SSO, INI, process,
// web-identity and container providers and their STS/SSO clients, which a
// Lambda never uses and every cold start pays for (docs/performance.md).
// Outside a bundle (the local stack, the CLI, tests) the SDK's own chain runs.

/** What the SDK's signer needs; the same shape as the SDK's AwsCredentialIdentity. */
export interface EnvironmentCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** The credentials in the environment, or an error that says where they were looked for. */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv = process.env): EnvironmentCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(
      'no AWS credentials: this bundle reads them only from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), as Lambda sets them',
    );
  }
  const sessionToken = env.AWS_SESSION_TOKEN;
  const expiry = env.AWS_CREDENTIAL_EXPIRATION;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), ...(expiry ? { expiration: new Date(expiry) } : {}) };
}

/** The export every SDK client's runtime config imports from `@aws-sdk/credential-provider-node`. */
export const defaultProvider =
  (_init?: unknown): (() => Promise<EnvironmentCredentials>) =>
  async () =>
    credentialsFromEnvironment();
