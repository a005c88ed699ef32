import type { Page } from './api.types';
import { request, requestText } from './client';

/** A finding of the server's validator (details of 400 `BPMN_INVALID`, deploy warnings). */
export interface ValidationIssueView {
  elementId: string;
  code: string;
  message: string;
}

/** One deployed version of a process (`GET /api/definitions`). */
export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name: string;
  procedureCode: string | null;
  deployedBy: string | null;
  deployedAt: string;
}

export interface DeployResult {
  id: string;
  key: string;
  version: number;
  name?: string;
  warnings: ValidationIssueView[];
}

/** `POST /api/definitions` (admin): 201, or 400 `BPMN_INVALID` with the errors as `details`. */
export function deployDefinition(xml: string): Promise<DeployResult> {
  return request<DeployResult>('/api/definitions', { method: 'POST', body: xml, contentType: 'text/xml' });
}

/** `POST /api/definitions/validate` (admin): the verdict without deploying. */
export function validateDefinition(xml: string): Promise<{ errors: ValidationIssueView[]; warnings: ValidationIssueView[] }> {
  return request('/api/definitions/validate', { method: 'POST', body: xml, contentType: 'text/xml' });
}

/** `GET /api/definitions`: every version of every key, newest version first within a key. */
export function listDefinitions(limit: number, offset: number): Promise<Page<DefinitionSummary>> {
  return request<Page<DefinitionSummary>>('/api/definitions', { query: { limit, offset } });
}

/** `GET /api/definitions/:key/xml?version=`: the deployed XML. */
export function definitionXml(key: string, version?: number): Promise<string> {
  return requestText(`/api/definitions/${encodeURIComponent(key)}/xml`, { query: { version } });
}
