import { Validations, type Acknowledgment } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A cdk-nag finding accepted on purpose; every one carries its written reason. */
export function acknowledge(scope: IConstruct, rules: Acknowledgment[]): void {
  // cdk-nag's findings are acknowledged under their plugin's prefix.
  Validations.of(scope).acknowledge(...rules.map((r) => ({ ...r, id: r.id.startsWith('AwsSolutions-') ? `AwsSolutions::${r.id}` : r.id })));
}
