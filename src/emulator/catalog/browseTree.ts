// The synthetic content a browse session shows: per site or OneDrive, a deterministic tree of site → document
// libraries → folders → files, generated from the unit id with a seeded PRNG. Item keys are the documented
// comma-joined GUIDs: `<site>,<web>` for the site, then one more GUID per level (library, folder, file), so a
// granular artifact id (= item key) also says where the item sits. The tree does not vary by restore point:
// the emulator shows the same content at every point in time.
import type { BrowseQueryResponseItemType } from '../../backup/model';
import type { SiteDef } from './directory';
import { hash32, seededRandom, stableGuid } from './hash';
import type { UnitRecord } from './units';

export interface BrowseNode {
  itemKey: string;
  name: string;
  type: Exclude<BrowseQueryResponseItemType, 'none' | 'unknownFutureValue'>;
  /** Path below the site, `/`-separated (`Shared Documents/Budgets/Q1 Forecast.xlsx`); '' for the site. */
  path: string;
  webUrl: string;
  sizeInBytes?: number;
  children: BrowseNode[];
}

export interface BrowseTree {
  root: BrowseNode;
  byKey: Map<string, BrowseNode>;
}

type Topic = SiteDef['topic'] | 'personal';

const FOLDERS: Record<Topic, string[]> = {
  finance: ['Budgets', 'Invoices', 'Audit', 'Forecasts', 'Expense Reports', 'Tax', 'Vendors'],
  marketing: ['Campaigns', 'Brand Assets', 'Press Releases', 'Social Media', 'Events', 'Market Research'],
  people: ['Onboarding', 'Policies', 'Benefits', 'Recruiting', 'Training Materials', 'Performance Reviews'],
  legal: ['Contracts', 'NDAs', 'Litigation', 'Templates', 'Regulatory', 'Board Minutes'],
  engineering: ['Specifications', 'Architecture', 'Release Notes', 'Test Plans', 'Roadmap', 'Meeting Notes'],
  sales: ['Proposals', 'Accounts', 'Pricing', 'Quotes', 'Customer Presentations', 'Territory Plans'],
  operations: ['Runbooks', 'Inventory', 'Suppliers', 'Schedules', 'Incidents', 'Safety'],
  general: ['Announcements', 'Projects', 'Shared', 'Archive', 'Templates', 'Meeting Notes'],
  personal: ['Projects', 'Notes', 'Attachments', 'Pictures', 'Recordings', 'Drafts', 'Personal'],
};

const FILE_STEMS: Record<Topic, string[]> = {
  finance: ['Budget', 'Forecast', 'Invoice', 'Cash Flow', 'Expense Summary', 'Audit Checklist', 'Payroll'],
  marketing: ['Campaign Brief', 'Brand Guidelines', 'Launch Plan', 'Press Kit', 'Content Calendar', 'Survey Results'],
  people: ['Employee Handbook', 'Onboarding Checklist', 'Job Description', 'Benefits Overview', 'Org Chart', 'Leave Policy'],
  legal: ['Master Services Agreement', 'NDA', 'Contract Review', 'Compliance Memo', 'Case Summary', 'Data Processing Addendum'],
  engineering: ['Design Spec', 'API Reference', 'Sprint Review', 'Test Report', 'Architecture Overview', 'Postmortem'],
  sales: ['Proposal', 'Price List', 'Quote', 'Account Plan', 'Pipeline Review', 'Customer Deck'],
  operations: ['Runbook', 'Inventory Count', 'Shift Schedule', 'Supplier Scorecard', 'Incident Report', 'Safety Audit'],
  general: ['Company Update', 'Town Hall', 'Project Plan', 'Holiday Schedule', 'Newsletter', 'Status Report'],
  personal: ['Notes', 'Draft', 'Ideas', 'Travel Receipt', 'Meeting Notes', 'To Do', 'Presentation'],
};

const EXTENSIONS = ['docx', 'xlsx', 'pptx', 'pdf', 'docx', 'xlsx', 'txt', 'png', 'mp4', 'one'];
/** Typical sizes per extension, in KB: [min, max]. */
const SIZES_KB: Record<string, [number, number]> = {
  docx: [14, 900], xlsx: [9, 4_000], pptx: [200, 25_000], pdf: [40, 8_000], txt: [1, 60], png: [60, 3_000],
  mp4: [8_000, 240_000], one: [20, 600],
};

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

class Builder {
  readonly byKey = new Map<string, BrowseNode>();
  private readonly random: () => number;

  constructor(private readonly record: UnitRecord, private readonly topic: Topic) {
    this.random = seededRandom(hash32(`browse:${record.unit.id}`));
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private choose<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** `count` distinct items, in random order (a partial Fisher-Yates shuffle). */
  private sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = 0; i < Math.min(count, pool.length); i++) {
      const j = i + Math.floor(this.random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, count);
  }

  add(parent: BrowseNode | undefined, name: string, type: BrowseNode['type'], sizeInBytes?: number): BrowseNode {
    const path = parent && parent.path ? `${parent.path}/${name}` : parent ? name : '';
    const itemKey = parent ? `${parent.itemKey},${stableGuid(`item:${this.record.unit.id}/${path}`)}` : this.record.siteKey;
    const node: BrowseNode = {
      itemKey, name, type, path, sizeInBytes, children: [],
      webUrl: path ? `${this.record.webUrl}/${encodePath(path)}` : this.record.webUrl,
    };
    parent?.children.push(node);
    this.byKey.set(itemKey, node);
    return node;
  }

  /** Files and (above `depth` 2) subfolders of one folder or library; names are unique within a folder. */
  fill(folder: BrowseNode, depth: number): void {
    const used = new Set<string>();
    const unique = (name: string) => {
      let candidate = name;
      for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = name.replace(/(\.\w+)?$/, ` (${n})$1`);
      used.add(candidate.toLowerCase());
      return candidate;
    };
    const subfolders = depth >= 3 ? 0 : depth === 1 ? this.int(3, 5) : this.int(0, 2);
    for (const name of this.sample(FOLDERS[this.topic], subfolders)) {
      this.fill(this.add(folder, unique(name), 'folder'), depth + 1);
    }
    const files = this.int(depth === 1 ? 1 : 2, 7);
    for (let i = 0; i < files; i++) {
      const ext = this.choose(EXTENSIONS);
      const suffix = this.choose(['', ' 2024', ' 2025', ' Q1', ' Q2', ' Q3', ' Q4', ' v2', ' - Final', ' (Draft)']);
      const [min, max] = SIZES_KB[ext];
      const size = this.int(min, max) * 1024 + this.int(0, 1023);
      this.add(folder, unique(`${this.choose(FILE_STEMS[this.topic])}${suffix}.${ext}`), 'file', size);
    }
  }
}

/** Builds the tree of a site or OneDrive unit. */
export function buildBrowseTree(record: UnitRecord, topic: Topic): BrowseTree {
  const builder = new Builder(record, topic);
  const root = builder.add(undefined, record.label, 'site');
  const libraries = topic === 'personal' ? ['Documents'] : ['Shared Documents', 'Site Assets', ...(record.key.length % 2 ? ['Archive'] : [])];
  for (const name of libraries) builder.fill(builder.add(root, name, 'documentLibrary'), 1);
  return { root, byKey: builder.byKey };
}
