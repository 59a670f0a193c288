// Business and error metrics in CloudWatch's embedded metric format
// (Powertools Metrics): a JSON line on stdout that CloudWatch Logs turns into
// metrics, so emitting one costs no API call. The names are shared with the
// stateless stack, whose alarms and dashboard read them.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const METRICS_NAMESPACE = 'DdsMonitor';

/** Every metric the functions emit; each one's dimensions besides `service` (the function's topology name). */
export const METRIC = {
  /** an HTTP request answered below 400, by route ("POST /v1/assessments") */
  accepted: 'Accepted',
  /** an HTTP request refused with a 4xx, by the error's code */
  refused: 'Refused',
  /** an HTTP request answered 5xx, by the error's code */
  failed: 'Failed',
  /** a stream record projected */
  projected: 'Projected',
  /** a stream record that failed one attempt (the mapping retries it, then dead-letters it) */
  recordFailed: 'RecordFailed',
  /** the reports of a period published */
  reportPublished: 'ReportPublished',
  /** periods the latest monthly run should have published and has not (the report watch, daily) */
  reportsMissing: 'ReportsMissing',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/** What the code needs of Powertools Metrics (tests pass their own). */
export interface MetricsSink {
  count(name: MetricName, value?: number, dimensions?: Record<string, string>): void;
  /** writes what was counted; call once per invocation */
  flush(): void;
}

const cache = new Map<string, MetricsSink>();

/** Powertools Metrics, saying whether it is switched off (POWERTOOLS_METRICS_DISABLED, read when it was made). */
class FunctionMetrics extends Metrics {
  get off(): boolean {
    return this.isDisabled();
  }
}

/**
 * One sink per function (its topology name is the `service` dimension).
 * A metric with its own dimensions goes out as a single metric, so that one
 * invocation can count by route and by code without mixing the two.
 */
export function functionMetrics(serviceName: string): MetricsSink {
  const known = cache.get(serviceName);
  if (known) return known;
  const metrics = new FunctionMetrics({ namespace: METRICS_NAMESPACE, serviceName });
  const sink: MetricsSink = {
    count(name, value = 1, dimensions) {
      if (!dimensions || Object.keys(dimensions).length === 0) {
        metrics.addMetric(name, MetricUnit.Count, value);
        return;
      }
      // A single metric reads the environment again when it is made: follow the function's own setting.
      if (metrics.off) return;
      const single = metrics.singleMetric();
      single.addDimensions(dimensions);
      single.addMetric(name, MetricUnit.Count, value);
    },
    flush() {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    },
  };
  cache.set(serviceName, sink);
  return sink;
}
