// The periods whose reports an erasure still has to republish, kept in the
// control table from before the comments are deleted until every report that
// showed them is republished and its older versions are gone. Erasing again
// after a failure halfway (S3 unreachable, say) finds them here: once the
// comments are deleted, nothing else says which reports still show them.
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface ErasureLog {
  /** the periods still to republish for a service's erasure; empty when none is pending */
  pending(organisationId: string, serviceId: string): Promise<string[]>;
  /** records the periods to republish (replacing what was pending: pass the union) */
  record(organisationId: string, serviceId: string, periods: readonly string[], at: Date): Promise<void>;
  /** every period republished and its older versions deleted */
  done(organisationId: string, serviceId: string): Promise<void>;
}

const key = (organisationId: string, serviceId: string) => ({ pk: `ERASURE#${organisationId}#${serviceId}`, sk: 'REPUBLISH' });

export function dynamoErasureLog(client: DynamoDBDocumentClient, table: string): ErasureLog {
  return {
    async pending(organisationId, serviceId) {
      const out = await client.send(new GetCommand({ TableName: table, Key: key(organisationId, serviceId), ConsistentRead: true }));
      return ((out.Item?.periods as string[] | undefined) ?? []).map(String);
    },
    async record(organisationId, serviceId, periods, at) {
      await client.send(
        new PutCommand({
          TableName: table,
          Item: { ...key(organisationId, serviceId), periods: [...periods], recordedAt: at.toISOString() },
        }),
      );
    },
    async done(organisationId, serviceId) {
      await client.send(new DeleteCommand({ TableName: table, Key: key(organisationId, serviceId) }));
    },
  };
}
