// Report pages carry one strict set of security headers wherever they are
// served (issue 8 point 12): CloudFront's response-headers policy in AWS, the
// local server's public reports, and the committee function.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { makeCommitteeReports } from '../../functions/committee-reports/committee-reports.js';
import { buildApp } from '../../infra/app.js';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import { publicReportsSite } from '../../infra/local/report-sites.js';
import { createLogger } from '../../shared/adapters/logger.js';
import type { ObjectStore } from '../../shared/adapters/object-store.js';
import { REPORT_CONTENT_SECURITY_POLICY, REPORT_REFERRER_POLICY } from '../../shared/adapters/page-headers.js';
import { httpEvent } from '../support/fixtures.js';

const objects: ObjectStore = {
  put: () => Promise.reject(new Error('read only')),
  stage: () => Promise.reject(new Error('read only')),
  get: async (_bucket, key) =>
    key.endsWith('index.html') ? { body: '<!doctype html><title>r</title>', contentType: 'text/html; charset=utf-8' } : null,
  list: async () => [],
  copy: () => Promise.reject(new Error('read only')),
  deleteNoncurrentVersions: () => Promise.reject(new Error('read only')),
};

describe('report security headers', () => {
  it('forbid framing and referrers, allow no script, in one policy', () => {
    expect(REPORT_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(REPORT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(REPORT_CONTENT_SECURITY_POLICY).not.toMatch(/script-src/);
    expect(REPORT_REFERRER_POLICY).toBe('no-referrer');
  });

  it('are what CloudFront sends with every public report (CDK assertion)', () => {
    const { stateful } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
    const template = Template.fromStack(stateful);
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: REPORT_CONTENT_SECURITY_POLICY, Override: true },
          ReferrerPolicy: { ReferrerPolicy: REPORT_REFERRER_POLICY, Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
        },
      },
    });
    const policies = template.findResources('AWS::CloudFront::ResponseHeadersPolicy');
    const [policyId] = Object.keys(policies);
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as {
      Properties: { DistributionConfig: { DefaultCacheBehavior: { ResponseHeadersPolicyId: unknown } } };
    };
    expect(distribution.Properties.DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('are what the local server sends with public reports, found or not', async () => {
    const site = publicReportsSite({ bucket: 'b', objects });
    for (const path of ['/reports/2026-Q3/', '/reports/2026-Q3/nothing.csv']) {
      const r = await site.serve({} as never, new URL(`http://127.0.0.1${path}`));
      expect(r?.headers['content-security-policy']).toBe(REPORT_CONTENT_SECURITY_POLICY);
      expect(r?.headers['referrer-policy']).toBe(REPORT_REFERRER_POLICY);
      expect(r?.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('are what the committee function sends with its private reports', async () => {
    const committee = makeCommitteeReports({
      keys: { create: () => Promise.reject(new Error('no')), lookup: async () => ({ keyId: 'c1', role: 'steering-committee' }) },
      limiter: { check: async () => ({ ok: true }) },
      authFailures: { blocked: () => ({ ok: true }), failed: async () => ({ ok: true }) },
      objects,
      bucket: 'b',
      logger: createLogger('test'),
    });
    const r = await committee(
      httpEvent({ routeKey: 'GET /committee/{proxy+}', headers: { authorization: 'Bearer k' }, pathParameters: { proxy: '2026-Q3/' } }),
      lambdaContext('committeeReports', 10, 128),
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers?.['content-security-policy']).toBe(REPORT_CONTENT_SECURITY_POLICY);
    expect(r.headers?.['referrer-policy']).toBe(REPORT_REFERRER_POLICY);
    expect(r.headers?.['cache-control']).toBe('private, no-store');
  });
});
