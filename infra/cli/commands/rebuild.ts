import { dynamoProjectionStore } from '../../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../../shared/adapters/submission-store.js';
import { rebuildProjections } from '../../../shared/use-cases/project.js';
import { dynamoFeedbackStrategyEvents } from '../../../shared/adapters/feedback-store.js';
import { dynamoFeedbackStrategyProjections } from '../../../shared/adapters/feedback-strategy-projections.js';
import type { Command } from '../command.js';

export const rebuild: Command = {
  name: 'rebuild',
  synopsis: '',
  summary: 'recompute every projection from the stored submissions',
  options: {},
  async run(ctx) {
    const { ddb, names } = await ctx.stores();
    const result = await rebuildProjections({
      submissions: dynamoSubmissionStore(ddb, { submissions: names.submissions }),
      projections: dynamoProjectionStore(ddb, names.projections),
      feedback: {
        events: dynamoFeedbackStrategyEvents(ddb, { submissions: names.submissions }),
        projections: dynamoFeedbackStrategyProjections(ddb, names.projections),
      },
    });
    ctx.out(
      `rebuilt ${result.services} service projection(s) from ${result.assessments} assessment(s) and ${result.countsPeriods} e-loket period(s) from ${result.countsReports} counts report(s)`,
    );
    if (result.indexed > 0) ctx.out(`indexed ${result.indexed} older projection item(s) by kind (stored before the byKind index)`);
    if (result.feedback)
      ctx.out(
        `rebuilt feedback of ${result.feedback.feedbackDays} day(s) and ${result.feedback.feedbackReports} provider report(s), ${result.feedback.maturityScans} maturity scan(s), ${result.feedback.statusChanges} status change(s)`,
      );
  },
};
