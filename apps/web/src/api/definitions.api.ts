import { request, requestText } from './client';
import type { Schemas } from './schemas';

/** A finding of the server's validator (details of 400 `BPMN_INVALID`, deploy warnings). */
export type ValidationIssueView = Schemas['BpmnIssueDto'];

/** One deployed version of a process (`GET /api/definitions`). */
export type DefinitionSummary = Schemas['DefinitionSummaryDto'];

export type DeployResult = Schemas['DeployResultDto'];

/** `POST /api/definitions` (admin): 201, or 400 `BPMN_INVALID` with the errors as `details`. */
export function deployDefinition(xml: string): Promise<DeployResult> {
  return request<DeployResult>('/api/definitions', { method: 'POST', body: xml, contentType: 'text/xml' });
}

/** `POST /api/definitions/validate` (admin): the verdict without deploying. */
export function validateDefinition(xml: string): Promise<Schemas['BpmnValidationDto']> {
  return request<Schemas['BpmnValidationDto']>('/api/definitions/validate', {
    method: 'POST',
    body: xml,
    contentType: 'text/xml',
  });
}

/** `GET /api/definitions`: every version of every key, newest version first within a key. */
export function listDefinitions(limit: number, offset: number): Promise<Schemas['DefinitionPageDto']> {
  return request<Schemas['DefinitionPageDto']>('/api/definitions', { query: { limit, offset } });
}

/** `GET /api/definitions/:key/xml?version=`: the deployed XML. */
export function definitionXml(key: string, version?: number): Promise<string> {
  return requestText(`/api/definitions/${encodeURIComponent(key)}/xml`, { query: { version } });
}
