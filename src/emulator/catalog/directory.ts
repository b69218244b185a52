// The fictional tenant behind the `demo` and `empty` seeds: Contoso's people, shared mailboxes and SharePoint
// sites, and which of them each protection policy covers. Plain data; units.ts turns it into protection units.
// Names follow Microsoft's own demo-tenant conventions (alias = first name + last initial) so that screenshots
// and docs look familiar.

export const TENANT = {
  id: '7d1f0c3e-5a2b-4c8d-9e10-2f3a4b5c6d7e',
  domain: 'contoso.onmicrosoft.com',
  sharePointHost: 'contoso.sharepoint.com',
  /** OneDrives live on the tenant's "-my" host. */
  myHost: 'contoso-my.sharepoint.com',
} as const;

export interface Person {
  alias: string;
  displayName: string;
  jobTitle: string;
  /** Deleted from Entra ID this many days before the catalog's anchor; their backups stay restorable. */
  deletedDaysAgo?: number;
  /** False for people whose mailbox is not in the Exchange policy (they still have a protected OneDrive). */
  mailboxProtected?: boolean;
}

export const PEOPLE: readonly Person[] = [
  { alias: 'adelev', displayName: 'Adele Vance', jobTitle: 'Retail Manager' },
  { alias: 'alexw', displayName: 'Alex Wilber', jobTitle: 'Marketing Assistant' },
  { alias: 'alland', displayName: 'Allan Deyoung', jobTitle: 'IT Admin' },
  { alias: 'christiec', displayName: 'Christie Cline', jobTitle: 'Buyer' },
  { alias: 'debrab', displayName: 'Debra Berger', jobTitle: 'Administrative Assistant' },
  { alias: 'diegos', displayName: 'Diego Siciliani', jobTitle: 'HR Manager' },
  { alias: 'emilyb', displayName: 'Emily Braun', jobTitle: 'Budget Analyst' },
  { alias: 'enricoc', displayName: 'Enrico Cattaneo', jobTitle: 'Attorney' },
  { alias: 'gradya', displayName: 'Grady Archie', jobTitle: 'Designer', deletedDaysAgo: 20 },
  { alias: 'henriettam', displayName: 'Henrietta Mueller', jobTitle: 'Developer' },
  { alias: 'irvins', displayName: 'Irvin Sayers', jobTitle: 'Director', deletedDaysAgo: 3 },
  { alias: 'isaiahl', displayName: 'Isaiah Langer', jobTitle: 'Sales Rep' },
  { alias: 'johannal', displayName: 'Johanna Lorenz', jobTitle: 'Senior Engineer' },
  { alias: 'jonis', displayName: 'Joni Sherman', jobTitle: 'Paralegal' },
  { alias: 'jordanm', displayName: 'Jordan Miller', jobTitle: 'Marketing Manager' },
  { alias: 'leeg', displayName: 'Lee Gu', jobTitle: 'Director of Engineering' },
  { alias: 'lidiah', displayName: 'Lidia Holloway', jobTitle: 'Product Manager' },
  { alias: 'lynner', displayName: 'Lynne Robbins', jobTitle: 'Planner' },
  { alias: 'meganb', displayName: 'Megan Bowen', jobTitle: 'Backup Administrator' },
  { alias: 'miriamg', displayName: 'Miriam Graham', jobTitle: 'Director of Marketing' },
  { alias: 'nestorw', displayName: 'Nestor Wilke', jobTitle: 'Director of Operations' },
  { alias: 'pattif', displayName: 'Patti Fernandez', jobTitle: 'President' },
  { alias: 'pradeepg', displayName: 'Pradeep Gupta', jobTitle: 'Accountant', deletedDaysAgo: 45 },
  { alias: 'alans', displayName: 'Alan Steiner', jobTitle: 'Financial Controller' },
  { alias: 'biancap', displayName: 'Bianca Pisani', jobTitle: 'Customer Success Lead' },
  { alias: 'cameronw', displayName: 'Cameron White', jobTitle: 'Support Engineer' },
  { alias: 'danj', displayName: 'Dan Jump', jobTitle: 'Sales Director' },
  { alias: 'elenai', displayName: 'Elena Ivanova', jobTitle: 'Data Scientist' },
  { alias: 'fatimak', displayName: 'Fatima Khan', jobTitle: 'Compliance Officer' },
  { alias: 'gabrielr', displayName: 'Gabriel Rossi', jobTitle: 'Procurement Specialist' },
  { alias: 'hanas', displayName: 'Hana Sato', jobTitle: 'UX Researcher' },
  { alias: 'ivanp', displayName: 'Ivan Petrov', jobTitle: 'Network Engineer' },
  { alias: 'juliab', displayName: 'Julia Becker', jobTitle: 'Communications Manager' },
  { alias: 'kenjit', displayName: 'Kenji Tanaka', jobTitle: 'Field Technician', mailboxProtected: false },
  { alias: 'lauran', displayName: 'Laura Nguyen', jobTitle: 'Recruiter', mailboxProtected: false },
  { alias: 'mateoa', displayName: 'Mateo Alvarez', jobTitle: 'Warehouse Lead', mailboxProtected: false },
  { alias: 'noraq', displayName: 'Nora Quinn', jobTitle: 'Legal Counsel' },
  { alias: 'omarh', displayName: 'Omar Haddad', jobTitle: 'Facilities Coordinator', mailboxProtected: false },
  { alias: 'priyar', displayName: 'Priya Raman', jobTitle: 'Solutions Architect' },
  { alias: 'sofial', displayName: 'Sofia Lindqvist', jobTitle: 'Event Planner' },
];

export interface SharedMailbox {
  alias: string;
  displayName: string;
}

export const SHARED_MAILBOXES: readonly SharedMailbox[] = [
  { alias: 'finance', displayName: 'Finance' },
  { alias: 'hr', displayName: 'Human Resources' },
  { alias: 'sales', displayName: 'Sales Team' },
  { alias: 'helpdesk', displayName: 'IT Help Desk' },
];

export interface SiteDef {
  /** URL segment under /sites/ ('' for the tenant's root site). */
  path: string;
  name: string;
  /** Folder and file name themes for the synthetic browse tree. */
  topic: 'finance' | 'marketing' | 'people' | 'legal' | 'engineering' | 'sales' | 'operations' | 'general';
}

export const SITES: readonly SiteDef[] = [
  { path: '', name: 'Contoso Intranet', topic: 'general' },
  { path: 'Marketing', name: 'Marketing', topic: 'marketing' },
  { path: 'Sales', name: 'Sales', topic: 'sales' },
  { path: 'Finance', name: 'Finance', topic: 'finance' },
  { path: 'HumanResources', name: 'Human Resources', topic: 'people' },
  { path: 'Legal', name: 'Legal', topic: 'legal' },
  { path: 'Engineering', name: 'Engineering', topic: 'engineering' },
  { path: 'ProductManagement', name: 'Product Management', topic: 'engineering' },
  { path: 'CustomerSuccess', name: 'Customer Success', topic: 'sales' },
  { path: 'ITHelpdesk', name: 'IT Helpdesk', topic: 'operations' },
  { path: 'Operations', name: 'Operations', topic: 'operations' },
  { path: 'Leadership', name: 'Leadership Team', topic: 'general' },
  { path: 'Communications', name: 'Communications', topic: 'marketing' },
  { path: 'Mark8ProjectTeam', name: 'Mark 8 Project Team', topic: 'engineering' },
  { path: 'Retail', name: 'Retail', topic: 'sales' },
  { path: 'Design', name: 'Design', topic: 'marketing' },
  { path: 'Research', name: 'Research', topic: 'engineering' },
  { path: 'Procurement', name: 'Procurement', topic: 'finance' },
  { path: 'Facilities', name: 'Facilities', topic: 'operations' },
  { path: 'Training', name: 'Training', topic: 'people' },
  { path: 'Compliance', name: 'Compliance', topic: 'legal' },
  { path: 'Benefits', name: 'Benefits', topic: 'people' },
  { path: 'Events', name: 'Events', topic: 'marketing' },
  { path: 'PartnerPortal', name: 'Partner Portal', topic: 'sales' },
  { path: 'Archive2023', name: 'Archive 2023', topic: 'general' },
];

export const emailOf = (alias: string) => `${alias}@${TENANT.domain}`;

export function siteUrlOf(site: SiteDef): string {
  return site.path ? `https://${TENANT.sharePointHost}/sites/${site.path}` : `https://${TENANT.sharePointHost}`;
}

/** OneDrive URL: https://contoso-my.sharepoint.com/personal/adelev_contoso_onmicrosoft_com */
export function oneDriveUrlOf(alias: string): string {
  return `https://${TENANT.myHost}/personal/${emailOf(alias).replace(/[@.]/g, '_')}`;
}
