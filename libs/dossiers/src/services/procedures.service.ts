import { Injectable } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../common/src';
import { processesFolder } from '../catalog/procedure-catalog.loader';
import { ProcedureFormsRepository, type StoredForm } from '../catalog/procedure-forms.repository';
import type { Procedure } from '../domain/procedure.types';
import { ProceduresRepository } from '../repositories/procedures.repository';

/** A blank form template: uploaded from the catalog page (in the database) or shipped in processes/forms/. */
export type FormTemplateFile = { name: string } & ({ stored: StoredForm } | { path: string });

/** The public procedures catalog (DESIGN §4): published entries only. */
@Injectable()
export class ProceduresService {
  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly forms: ProcedureFormsRepository,
  ) {}

  list(query: {
    field?: string;
    q?: string;
    limit?: number;
    offset?: number;
  }): Promise<{ items: Procedure[]; total: number }> {
    return this.procedures.list({
      field: query.field,
      q: query.q,
      published: true,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  /** A published procedure; 404 `PROCEDURE_NOT_FOUND`. */
  async get(code: string): Promise<Procedure> {
    const procedure = await this.procedures.findByCode(code);
    if (!procedure || !procedure.published)
      throw AppError.notFound('PROCEDURE_NOT_FOUND', `Procedure ${code} not found`);
    return procedure;
  }

  /** A blank form template the catalog lists for the procedure; 404 `FORM_NOT_FOUND` otherwise (no path from the caller reaches the disk). */
  async form(code: string, file: string): Promise<FormTemplateFile> {
    const procedure = await this.get(code);
    const template = procedure.formTemplates.find((t) => t.file === file);
    const stored = template ? await this.forms.get(code, template.file) : undefined;
    if (template && stored) return { name: template.name, stored };
    const path = template ? join(processesFolder(), 'forms', template.file) : undefined;
    if (!template || !path || !existsSync(path))
      throw AppError.notFound('FORM_NOT_FOUND', `Procedure ${code} has no form ${file}`);
    return { name: template.name, path };
  }
}
