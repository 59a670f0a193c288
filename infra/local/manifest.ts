// What the local runner wires up, derived from the topology: the routes the
// HTTP server serves, the stream consumers the poller feeds and the schedules
// the scheduler fires. test/unit/topology.test.ts compares this with the CDK template.
import { functionSpecs, type FunctionName, type ScheduleTrigger, type StreamTrigger } from '../topology.js';
import { compileRoutes } from './http-server.js';

export interface LocalManifest {
  routes: Array<{ routeKey: string; functionName: FunctionName }>;
  streamConsumers: Array<{ functionName: FunctionName; trigger: StreamTrigger }>;
  schedules: Array<{ functionName: FunctionName; schedule: ScheduleTrigger }>;
}

export function localManifest(): LocalManifest {
  return {
    routes: compileRoutes().map((r) => ({ routeKey: `${r.method} ${r.path}`, functionName: r.functionName as FunctionName })),
    streamConsumers: functionSpecs().flatMap(([functionName, spec]) => (spec.stream ? [{ functionName, trigger: spec.stream }] : [])),
    schedules: functionSpecs().flatMap(([functionName, spec]) => (spec.schedules ?? []).map((schedule) => ({ functionName, schedule }))),
  };
}
