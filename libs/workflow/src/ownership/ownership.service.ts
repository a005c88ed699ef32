import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError, UNIT_DIRECTORY, type AuthUser, type UnitDirectory } from '../../../common/src';
import type { Sql } from '../persistence/sql';
import { isUuid } from '../persistence/uuid';
import type { ProcessModel } from '../runtime/engine.port';
import { AdminReach } from './admin-reach';
import { calledKeysOf, unitsNamedIn } from './diagram-units';
import { ProcessKeysRepository, type KeyOwnership } from './process-keys.repository';

/** Partners a key may list (a procedure involves a handful of agencies). */
const MAX_PARTNERS = 50;

/**
 * Ownership of process keys (issue 15 item 2, docs/security.md): who may deploy, start, read and
 * manage a key and its instances, and which units its diagrams may send steps to.
 */
@Injectable()
export class OwnershipService {
  constructor(
    private readonly keys: ProcessKeysRepository,
    @Optional() @Inject(UNIT_DIRECTORY) private readonly directory?: UnitDirectory,
  ) {}

  /** The administrator's reach: their unit's subtree, everything for a root unit. */
  async reach(admin: Pick<AuthUser, 'username' | 'unitCode'>): Promise<AdminReach> {
    if (!this.directory) return AdminReach.everything(admin);
    const { codes, root } = await this.directory.administered(admin.unitCode);
    return new AdminReach(admin, codes, root);
  }

  /** 400 `UNIT_NOT_FOUND` when a named owner is not a unit (a province administrator may name any code). */
  async assertUnitExists(unitCode: string | null): Promise<void> {
    if (unitCode === null || !this.directory) return;
    if ((await this.directory.unknown([unitCode])).length)
      throw new AppError(400, 'UNIT_NOT_FOUND', `No unit ${unitCode}`, { units: [unitCode] });
  }

  /** Owner of new keys a system caller deploys under an account's name (tests, tools): that account's unit, else the province. */
  async ownerForActor(actor: string | null): Promise<string | null> {
    if (!actor || !this.directory) return null;
    return (await this.directory.unitOfUser(actor)) ?? null;
  }

  /** The key's ownership when the caller manages it; otherwise 404 `DEFINITION_NOT_FOUND` (reads) or 403 `ADMIN_SCOPE` (changes). */
  async keyFor(reach: AdminReach, key: string, mode: 'read' | 'change'): Promise<KeyOwnership> {
    const found = await this.keys.find(key);
    if (!found || (mode === 'read' && !reach.manages(found.ownerUnitCode))) {
      throw AppError.notFound('DEFINITION_NOT_FOUND', `No process "${key}"`);
    }
    reach.assert(found.ownerUnitCode, `Process ${key}`);
    return found;
  }

  /** 403 `ADMIN_SCOPE` when a running instance of the business key belongs to a key the caller does not manage. */
  async assertBusinessKey(reach: AdminReach, businessKey: string): Promise<void> {
    for (const owner of await this.keys.ownersOfBusinessKey(businessKey))
      reach.assert(owner, `Business key ${businessKey}`);
  }

  /** 404 `INCIDENT_NOT_FOUND` unless the caller manages the key of the incident's instance. */
  async assertIncident(reach: AdminReach, incidentId: string): Promise<void> {
    const found = isUuid(incidentId) ? await this.keys.ownerOfIncident(incidentId) : undefined;
    if (found && reach.manages(found.ownerUnitCode)) return;
    throw AppError.notFound('INCIDENT_NOT_FOUND', `Incident ${incidentId} not found`);
  }

  /** 404 `INSTANCE_NOT_FOUND` unless the caller manages the instance's key (no existence oracle, as for dossiers). */
  async assertInstance(reach: AdminReach, instanceId: string): Promise<void> {
    const found = isUuid(instanceId) ? await this.keys.ownerOfInstance(instanceId) : undefined;
    if (found && reach.manages(found.ownerUnitCode)) return;
    throw AppError.notFound('INSTANCE_NOT_FOUND', `Instance ${instanceId} not found`);
  }

  /**
   * Inside the deploy transaction (keys locked): refuses a key owned outside the deployer's reach
   * (403 `ADMIN_SCOPE`) and steps on units neither administered nor declared partners of the key
   * (403 `UNIT_NOT_ADMINISTERED`, details.units); records the owner of new keys. A called process
   * not deployed yet is reserved for the same owner, so nobody else can deploy it first.
   * `deployer` null: the system (processes/ at boot), which deploys anything; new keys get `ownerUnitCode`.
   */
  async claimForDeploy(
    sql: Sql,
    models: readonly ProcessModel[],
    deployer: AdminReach | null,
    ownerUnitCode: string | null,
    actor: string | null,
  ): Promise<Map<string, string | null>> {
    const owners = new Map<string, string | null>();
    const offending = new Set<string>();
    const inFile = new Set(models.map((model) => model.id));
    const checks: { model: ProcessModel; existing: KeyOwnership | null }[] = [];
    for (const model of models) checks.push({ model, existing: await this.keys.find(model.id, sql) });
    for (const { model, existing } of checks) {
      if (existing && deployer) deployer.assert(existing.ownerUnitCode, `Process ${model.id}`);
      if (!existing && deployer && ownerUnitCode !== null) deployer.assert(ownerUnitCode, `Unit ${ownerUnitCode}`);
      const owner = existing ? existing.ownerUnitCode : ownerUnitCode;
      owners.set(model.id, owner);
      if (!deployer) continue;
      const partners = existing?.partnerUnitCodes ?? [];
      for (const unit of unitsNamedIn(model))
        if (!deployer.manages(unit) && !partners.includes(unit)) offending.add(unit);
      for (const called of calledKeysOf(model)) {
        if (inFile.has(called)) continue;
        const target = await this.keys.find(called, sql);
        if (
          target &&
          !deployer.manages(target.ownerUnitCode) &&
          !(target.ownerUnitCode && partners.includes(target.ownerUnitCode))
        ) {
          throw new AppError(
            403,
            'CALLED_PROCESS_NOT_ADMINISTERED',
            `Call activity starts ${called}, owned by ${target.ownerUnitCode ?? 'the province'}: declare that unit a partner or call a process you administer`,
            { keys: [called] },
          );
        }
      }
    }
    if (offending.size) {
      const units = [...offending].sort();
      throw new AppError(
        403,
        'UNIT_NOT_ADMINISTERED',
        `Steps are assigned to ${units.join(', ')}: units you do not administer and not declared partners of the process`,
        { units },
      );
    }
    for (const { model, existing } of checks) {
      if (!existing) await this.keys.claim(sql, model.id, ownerUnitCode, actor);
      for (const called of calledKeysOf(model))
        if (!inFile.has(called)) await this.keys.claim(sql, called, owners.get(model.id) ?? null, actor);
    }
    return owners;
  }

  /** The key's owner and partners (404 outside the caller's reach). */
  async ownership(admin: AuthUser, key: string): Promise<KeyOwnership> {
    return this.keyFor(await this.reach(admin), key, 'read');
  }

  /**
   * Replaces the key's partners; 404 outside the caller's reach, 400 `UNIT_NOT_FOUND` / `PARTNERS_INVALID`.
   * A key not deployed yet is claimed for the caller's unit, so a new inter-agency diagram can
   * be declared before its first deploy.
   */
  async setPartners(admin: AuthUser, key: string, unitCodes: readonly string[]): Promise<KeyOwnership> {
    const reach = await this.reach(admin);
    const codes = [...new Set(unitCodes.map((code) => code.trim()))].sort();
    if (codes.length > MAX_PARTNERS || codes.some((code) => code === ''))
      throw AppError.badRequest('PARTNERS_INVALID', `List 0 to ${MAX_PARTNERS} unit codes`);
    if (!/^[A-Za-z_][\w.-]{0,199}$/.test(key))
      throw AppError.badRequest('PARTNERS_INVALID', `"${key}" is not a process key`);
    const unknown = this.directory ? await this.directory.unknown(codes) : [];
    if (unknown.length) throw new AppError(400, 'UNIT_NOT_FOUND', `No unit ${unknown.join(', ')}`, { units: unknown });
    if (!(await this.keys.find(key))) await this.keys.claim(this.keys.autocommit, key, admin.unitCode, admin.username);
    await this.keyFor(reach, key, 'read');
    return (await this.keys.setPartners(key, codes, admin.username))!;
  }
}
