import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
import { NameDictionary } from './name-dictionary.js';
import { redactNamesRepository as repo } from './redact-names.repository.js';

/** Households read per query while catching up. */
const PAGE = 2000;
/** Staff names are re-read at least this often even when their fingerprint did not move (a rename to a name of the same length). */
const STAFF_MAX_AGE_MS = 60_000;

/**
 * Every name the public redactor must know: all staff members' and all household members'
 * (decrypted here, in memory only). Loaded on first use, then kept current like the map's index:
 * before each use one read of the `households.change_seq` counter — when it moved, only the
 * households changed since are re-read and their members' names replaced — and one aggregate row
 * over `users` (count, total length, newest) that, when it moves, re-reads the staff names.
 * Several server processes each keep their own copy this way.
 */
export class RedactionNames {
  private readonly dictionary = new NameDictionary();
  private readonly byHousehold = new Map<string, string[]>();
  private staff: string[] = [];
  private staffPrint = '';
  private staffReadAt = 0;
  private seq = -1;
  private syncing: Promise<NameDictionary> | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly cipher: Pick<Cipher, 'decrypt'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The dictionary, brought up to date with the database (two small reads when nothing changed). */
  current(): Promise<NameDictionary> {
    this.syncing ??= this.catchUp().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async catchUp(): Promise<NameDictionary> {
    await Promise.all([this.syncStaff(), this.syncHouseholds()]);
    return this.dictionary;
  }

  private async syncStaff() {
    const print = await repo.staffFingerprint(this.db);
    if (print === this.staffPrint && this.now() - this.staffReadAt < STAFF_MAX_AGE_MS) return;
    const names = await repo.staffNames(this.db);
    for (const n of this.staff) this.dictionary.remove(n);
    for (const n of names) this.dictionary.add(n);
    this.staff = names;
    this.staffPrint = print;
    this.staffReadAt = this.now();
  }

  private async syncHouseholds() {
    const head = await repo.householdChangeHead(this.db);
    if (head === this.seq) return;
    for (;;) {
      const changed = await repo.householdsChangedSince(this.db, this.seq, PAGE);
      if (changed.length === 0) break;
      const members = await repo.memberNames(this.db, changed.map((h) => h.id));
      const fresh = new Map<string, string[]>(changed.map((h) => [h.id, []]));
      for (const m of members) fresh.get(m.householdId)!.push(this.cipher.decrypt(m.nameEnc));
      for (const [id, names] of fresh) {
        for (const n of this.byHousehold.get(id) ?? []) this.dictionary.remove(n);
        for (const n of names) this.dictionary.add(n);
        this.byHousehold.set(id, names);
      }
      this.seq = Math.max(this.seq, ...changed.map((h) => Number(h.changeSeq)));
      if (changed.length < PAGE) break;
    }
    this.seq = Math.max(this.seq, head);
  }
}
