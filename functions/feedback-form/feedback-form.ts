// GET /feedback/{organisationId}/{serviceId} (the form a service links to)
// and GET …/bedankt (the page a form post ends on): public, in Dutch.
import type { Logger } from '@aws-lambda-powertools/logger';
import { formPage, messagePage, thankYouPage } from '../../shared/domain/feedback/form-page.js';
import { feedbackUrls, htmlResult } from '../../shared/adapters/html-page.js';
import { publicHttpFunction } from '../../shared/adapters/http-function.js';
import type { ServiceDirectory } from '../../shared/adapters/service-directory.js';
import { knownService } from '../../shared/use-cases/known-service.js';

export interface FeedbackFormDeps {
  services: ServiceDirectory;
  retentionDays: number;
  logger: Logger;
}

export function makeFeedbackForm(deps: FeedbackFormDeps) {
  return publicHttpFunction('feedbackForm', deps, async (event) => {
    const service = await knownService(deps, event.pathParameters?.organisationId ?? '', event.pathParameters?.serviceId ?? '');
    if (!service) return htmlResult(404, messagePage('not_found'));
    if (event.routeKey.endsWith('/bedankt')) return htmlResult(200, thankYouPage(service.name));
    const urls = feedbackUrls(service.organisationId, service.serviceId);
    return htmlResult(200, formPage({ serviceName: service.name, action: urls.post, retentionDays: deps.retentionDays }));
  });
}
