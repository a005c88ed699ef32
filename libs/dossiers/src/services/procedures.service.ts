import { Injectable } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../common/src';
import { UnitsService } from '../../../identity/src';
import { OfficeHoursService } from '../../../worktime/src';
import { processesFolder } from '../catalog/procedure-catalog.loader';
import { ProcedureFormsRepository, type StoredForm } from '../catalog/procedure-forms.repository';
import type { Procedure } from '../domain/procedure.types';
import { ProceduresRepository } from '../repositories/procedures.repository';

/** A blank form template: uploaded from the catalog page (in the database) or shipped in processes/forms/. */
export type FormTemplateFile = { name: string } & ({ stored: StoredForm } | { path: string });

/** Where to hand a dossier in, as the public catalog shows it: no staff, no ids. */
export interface ReceivingUnit {
  code: string;
  name: string;
  address: string | null;
  officeHours: { start: string; end: string }[];
}

/** The public procedures catalog (DESIGN §4): published entries only. */
@Injectable()
export class ProceduresService {
  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly forms: ProcedureFormsRepository,
    private readonly units: UnitsService,
    private readonly officeHours: OfficeHoursService,
  ) {}

  list(query: {
    field?: string;
    level?: string;
    q?: string;
    limit?: number;
    offset?: number;
  }): Promise<{ items: Procedure[]; total: number }> {
    return this.procedures.list({
      field: query.field,
      level: query.level,
      q: query.q,
      published: true,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  /** The public catalog's page: published entries, and every field of the catalog for the filter. */
  async publicList(query: Parameters<ProceduresService['list']>[0]) {
    const [page, fields] = await Promise.all([this.list(query), this.procedures.publishedFields()]);
    return { ...page, fields };
  }

  /** A published procedure with where to hand it in (its unit's name, address, office hours); 404 `PROCEDURE_NOT_FOUND`. */
  async publicView(code: string): Promise<Procedure & { receivingUnit: ReceivingUnit | null }> {
    const procedure = await this.get(code);
    return { ...procedure, receivingUnit: await this.receivingUnit(procedure.ownerUnitCode) };
  }

  private async receivingUnit(unitCode: string | null | undefined): Promise<ReceivingUnit | null> {
    const unit = unitCode ? await this.units.findByCode(unitCode) : undefined;
    if (!unit || !unit.active) return null;
    const { sessions } = await this.officeHours.get(unit.code);
    return { code: unit.code, name: unit.name, address: unit.address ?? null, officeHours: sessions };
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
