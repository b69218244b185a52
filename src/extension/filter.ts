// The explorer's filters (status, created after / before, created by me, restores a given unit), saved per workspace and shown in the view's
// description so a filtered view is never mistaken for an empty one.
import type * as vscode from 'vscode';
import type { SessionListQuery } from '../backup/api';
import type { RestoreSessionStatus } from '../backup/model';
import { l10n } from '../backup/l10n';
import { sessionStatusWord } from '../backup/presentation';

interface SavedFilter {
  statuses: RestoreSessionStatus[];
  /** Only sessions whose creator is the signed-in user (or, app-only, the app; on the emulator, its caller). */
  createdByMe?: boolean;
  createdAfter?: string;
  createdBefore?: string;
  /** Only sessions that restore this unit: its name, UPN / e-mail or site URL, as the person chose it. */
  unit?: string;
}

const KEY = 'restoreSessions.filter';

export class SessionFilter {
  private value: SavedFilter;

  constructor(private readonly state: vscode.Memento) {
    this.value = state.get<SavedFilter>(KEY) ?? { statuses: [] };
  }

  get current(): Readonly<SavedFilter> {
    return this.value;
  }

  async set(value: SavedFilter): Promise<void> {
    this.value = value;
    await this.state.update(KEY, value);
  }

  get isActive(): boolean {
    return this.value.statuses.length > 0 || !!this.value.createdAfter || !!this.value.createdBefore || !!this.value.createdByMe || !!this.value.unit;
  }

  toQuery(): SessionListQuery & { createdByMe?: boolean; unit?: string } {
    return {
      createdByMe: this.value.createdByMe,
      unit: this.value.unit,
      statuses: this.value.statuses.length ? this.value.statuses : undefined,
      createdAfter: this.value.createdAfter ? new Date(this.value.createdAfter) : undefined,
      createdBefore: this.value.createdBefore ? new Date(this.value.createdBefore) : undefined,
    };
  }

  /** e.g. `Filtered: Active, Failed · after 2026-11-01`. */
  describe(): string | undefined {
    if (!this.isActive) return undefined;
    const parts: string[] = [];
    if (this.value.unit) parts.push(l10n.t('restores of {0}', this.value.unit));
    if (this.value.createdByMe) parts.push(l10n.t('created by me'));
    if (this.value.statuses.length) parts.push(this.value.statuses.map(sessionStatusWord).join(', '));
    if (this.value.createdAfter) parts.push(l10n.t('after {0}', this.value.createdAfter.slice(0, 10)));
    if (this.value.createdBefore) parts.push(l10n.t('before {0}', this.value.createdBefore.slice(0, 10)));
    return l10n.t('Filtered: {0}', parts.join(' · '));
  }
}
