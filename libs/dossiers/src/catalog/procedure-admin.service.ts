import { Inject, Injectable } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, AUDIT_LOG, type AuditLog, type AuthUser } from '../../../common/src';
import { DeploymentService, OwnershipService, type AdminReach } from '../../../workflow/src';
import type { Procedure } from '../domain/procedure.types';
import { ProceduresRepository } from '../repositories/procedures.repository';
import { formFileName } from './form-file.name';
import type { CreateProcedureDto, ProcedureBodyDto } from './procedure-admin.dto';
import { processesFolder } from './procedure-catalog.loader';
import { ProcedureFormsRepository } from './procedure-forms.repository';
import { checkProcedure } from './procedure.rules';

/** The most entries one import takes (a province's catalog is a few hundred). */
const MAX_IMPORT = 2000;

/** An uploaded file as Multer hands it over (memory storage). */
export interface UploadedForm {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

/**
 * The catalog as administrators manage it (issue 10 item 3): every check runs before the first
 * write, so a refused request changes nothing; every change is audited as `admin.procedure.*`
 * with the subject `procedure:<code>`.
 */
@Injectable()
export class ProcedureAdminService {
  constructor(
    private readonly db: DataSource,
    private readonly procedures: ProceduresRepository,
    private readonly forms: ProcedureFormsRepository,
    private readonly deployments: DeploymentService,
    private readonly ownership: OwnershipService,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  list(query: { q?: string; field?: string; published?: boolean; limit?: number; offset?: number }) {
    return this.procedures.list({ ...query, limit: query.limit ?? 20, offset: query.offset ?? 0 });
  }

  /** Published or not; 404 `PROCEDURE_NOT_FOUND`. */
  async get(code: string, manager?: EntityManager): Promise<Procedure> {
    const procedure = manager ? await this.procedures.lock(manager, code) : await this.procedures.findByCode(code);
    if (!procedure) throw AppError.notFound('PROCEDURE_NOT_FOUND', `Procedure ${code} not found`);
    return procedure;
  }

  /** 403 `ADMIN_SCOPE` unless the actor administers the entry's owner (issue 15); returns the entry. */
  private async owned(actor: AuthUser, code: string, manager?: EntityManager): Promise<Procedure> {
    const procedure = await this.get(code, manager);
    (await this.ownership.reach(actor)).assert(procedure.ownerUnitCode, `Procedure ${code}`);
    return procedure;
  }

  /** 201 unpublished unless `published`, owned by the actor's unit; 409 `PROCEDURE_CODE_TAKEN`; 400 on a fault or an undeployed process. */
  async create(actor: AuthUser, body: CreateProcedureDto): Promise<Procedure> {
    const ownerUnitCode = body.ownerUnitCode ?? actor.unitCode;
    (await this.ownership.reach(actor)).assert(ownerUnitCode, `Unit ${ownerUnitCode}`);
    await this.ownership.assertUnitExists(ownerUnitCode);
    const entry = {
      ...checkProcedure({ ...body, formTemplates: [], published: body.published ?? false }),
      ownerUnitCode,
    };
    await this.checkProcess(entry);
    if (!(await this.procedures.insert(entry)))
      throw AppError.conflict('PROCEDURE_CODE_TAKEN', `Procedure ${entry.code} exists already`);
    await this.record(actor, 'created', entry.code, {
      processKey: entry.processKey,
      processVersion: entry.processVersion,
      published: entry.published,
    });
    return this.get(entry.code);
  }

  /** Replaces the entry; templates may be renamed or dropped here (a dropped upload is deleted), added only by upload. */
  async update(actor: AuthUser, code: string, body: ProcedureBodyDto): Promise<Procedure> {
    const before = await this.owned(actor, code);
    const entry = checkProcedure({
      ...body,
      code,
      published: body.published ?? before.published,
      electronicResult: body.electronicResult ?? before.electronicResult,
      eForm: body.eForm === undefined ? before.eForm : body.eForm,
      formTemplates: body.formTemplates ?? before.formTemplates,
    });
    const unknown = entry.formTemplates.find((t) => !before.formTemplates.some((b) => b.file === t.file));
    if (unknown)
      throw AppError.badRequest('FORM_FILE_UNKNOWN', `Upload ${unknown.file} before listing it`, {
        file: unknown.file,
      });
    await this.checkProcess(entry);
    await this.db.transaction(async (manager) => {
      await this.procedures.replace(entry, manager);
      for (const dropped of before.formTemplates.filter((b) => !entry.formTemplates.some((t) => t.file === b.file))) {
        await this.forms.remove(manager, code, dropped.file);
      }
    });
    await this.record(actor, 'updated', code, { changed: changedFields(before, entry) });
    return this.get(code);
  }

  /** Publishing checks again that the process is deployed (it may have been linked long ago). */
  async setPublished(actor: AuthUser, code: string, published: boolean): Promise<Procedure> {
    const procedure = await this.owned(actor, code);
    if (published) await this.checkProcess(procedure);
    const saved = (await this.procedures.setPublished(code, published))!;
    await this.record(actor, published ? 'published' : 'unpublished', code, {});
    return saved;
  }

  /** The catalog.json format: an array of entries; `processVersion` only where one is pinned. */
  async exportCatalog(): Promise<Procedure[]> {
    return (await this.procedures.all()).map(({ processVersion, ...entry }) =>
      processVersion ? { ...entry, processVersion } : entry,
    );
  }

  /** Creates or replaces every entry of a catalog.json, all or nothing; a fault names its entry (`details.index`). */
  async importCatalog(actor: AuthUser, body: unknown): Promise<{ created: string[]; updated: string[] }> {
    if (!Array.isArray(body) || body.length === 0 || body.length > MAX_IMPORT) {
      throw AppError.badRequest('CATALOG_INVALID', `A catalog is a JSON array of 1 to ${MAX_IMPORT} procedures`);
    }
    const entries: Procedure[] = [];
    const reach = await this.ownership.reach(actor);
    const current = new Map((await this.procedures.all()).map((p) => [p.code, p]));
    for (const [index, raw] of body.entries()) {
      entries.push(
        await this.atEntry(index, raw, async () => {
          const entry = {
            ...checkProcedure(raw),
            ownerUnitCode: this.importOwner(reach, current.get(checkProcedure(raw).code), raw),
          };
          if (entries.some((e) => e.code === entry.code))
            throw AppError.badRequest('PROCEDURE_CODE_DUPLICATE', `Procedure ${entry.code} appears twice`);
          await this.checkProcess(entry);
          await this.checkTemplatesExist(entry);
          return entry;
        }),
      );
    }
    const existing = new Set(current.keys());
    await this.procedures.upsert(entries);
    const created = entries.filter((e) => !existing.has(e.code)).map((e) => e.code);
    const updated = entries.filter((e) => existing.has(e.code)).map((e) => e.code);
    await this.audit.record({
      actor: actor.username,
      action: 'admin.procedure.imported',
      subject: 'procedures',
      data: { created, updated },
    });
    return { created, updated };
  }

  /** Stores the file (replacing one of the same name) and lists it among the procedure's templates. */
  async uploadForm(
    actor: AuthUser,
    code: string,
    upload: UploadedForm | undefined,
    name: string | undefined,
  ): Promise<Procedure> {
    // Scope first: another unit's administrator learns nothing from the file checks.
    await this.owned(actor, code);
    if (!upload || upload.buffer.length === 0)
      throw AppError.badRequest('FORM_FILE_INVALID', 'Send the template as the multipart field "file"');
    const original = utf8Name(upload.originalname);
    const file = formFileName(original);
    const title = name?.trim() || original.replace(/\.[^.]+$/, '');
    await this.db.transaction(async (manager) => {
      const procedure = await this.owned(actor, code, manager);
      await this.forms.put(
        manager,
        code,
        file,
        { contentType: upload.mimetype || 'application/octet-stream', content: upload.buffer },
        actor.username,
      );
      const formTemplates = [...procedure.formTemplates.filter((t) => t.file !== file), { name: title, file }];
      await this.procedures.replace({ ...procedure, formTemplates }, manager);
    });
    await this.record(actor, 'form_uploaded', code, { file, name: title, bytes: upload.buffer.length });
    return this.get(code);
  }

  /** An imported entry: an existing one keeps its owner (who must be administered); a new one takes `ownerUnitCode` (in reach) or the importer's unit. */
  private importOwner(reach: AdminReach, existing: Procedure | undefined, raw: unknown): string | null {
    if (existing) {
      reach.assert(existing.ownerUnitCode, `Procedure ${existing.code}`);
      return existing.ownerUnitCode ?? null;
    }
    const named = (raw as { ownerUnitCode?: unknown }).ownerUnitCode;
    const owner = typeof named === 'string' && named.trim() ? named.trim() : reach.admin.unitCode;
    reach.assert(owner, `Unit ${owner}`);
    return owner;
  }

  /** 400 `PROCESS_KEY_UNKNOWN` when the key was never deployed, `PROCESS_VERSION_UNKNOWN` for a version it does not have. */
  private async checkProcess(entry: Pick<Procedure, 'processKey' | 'processVersion'>): Promise<void> {
    const { total } = await this.deployments.list(1, 0, entry.processKey);
    if (total === 0)
      throw AppError.badRequest('PROCESS_KEY_UNKNOWN', `No process is deployed under key ${entry.processKey}`, {
        processKey: entry.processKey,
      });
    if (entry.processVersion && entry.processVersion > total) {
      throw AppError.badRequest(
        'PROCESS_VERSION_UNKNOWN',
        `Process ${entry.processKey} has no version ${entry.processVersion}`,
        { processKey: entry.processKey, processVersion: entry.processVersion },
      );
    }
  }

  /** An imported entry may list only forms that exist: shipped in processes/forms/ or uploaded for that code. */
  private async checkTemplatesExist(entry: Procedure): Promise<void> {
    for (const template of entry.formTemplates) {
      if (existsSync(join(processesFolder(), 'forms', template.file))) continue;
      if (await this.forms.get(entry.code, template.file)) continue;
      throw AppError.badRequest(
        'FORM_FILE_UNKNOWN',
        `Form ${template.file} of ${entry.code} is neither shipped nor uploaded`,
        { file: template.file },
      );
    }
  }

  private async atEntry<T>(index: number, raw: unknown, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const code = (raw as { code?: unknown })?.code ?? null;
      const details = typeof error.details === 'object' && error.details ? error.details : {};
      throw new AppError(error.status, error.code, `Entry ${index + 1} (${String(code)}): ${error.message}`, {
        ...details,
        index,
        procedureCode: code,
      });
    }
  }

  private record(actor: AuthUser, change: string, code: string, data: Record<string, unknown>): Promise<void> {
    return this.audit.record({
      actor: actor.username,
      action: `admin.procedure.${change}`,
      subject: `procedure:${code}`,
      data,
    });
  }
}

/** Multer reads the multipart file name as Latin-1; browsers send UTF-8 (`Tờ khai.docx`). */
function utf8Name(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}

/** The names of the fields an update changed, for the audit entry. */
function changedFields(before: Procedure, after: Procedure): string[] {
  const keys = Object.keys(after) as (keyof Procedure)[];
  return keys.filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}
