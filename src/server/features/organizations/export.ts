import ExcelJS from "exceljs";
import type { OrganizationFull, OrganizationPublic } from "../../../shared/schemas/organizations.ts";
import { csvDocument } from "../../platform/csv.ts";

type Row = OrganizationPublic | OrganizationFull;

/** Documented export columns. Private columns appear only in the secretariat's export. */
export const EXPORT_COLUMNS: Array<{
  key: string;
  header: string;
  staffOnly?: boolean;
  get: (r: any) => unknown;
}> = [
  { key: "id", header: "id", get: (r) => r.id },
  { key: "name", header: "name", get: (r) => r.name },
  { key: "acronym", header: "acronym", get: (r) => r.acronym ?? "" },
  { key: "type", header: "type", get: (r) => r.type },
  { key: "country", header: "country", get: (r) => r.country },
  { key: "region", header: "regional_group", get: (r) => r.region ?? "" },
  {
    key: "countriesOfOperation",
    header: "countries_of_operation",
    get: (r) => r.countriesOfOperation.join(";"),
  },
  { key: "thematicFocus", header: "thematic_focus", get: (r) => r.thematicFocus.join(";") },
  { key: "engagementAreas", header: "engagement_areas", get: (r) => r.engagementAreas.join(";") },
  { key: "ecosocStatus", header: "ecosoc_status", get: (r) => r.ecosocStatus },
  { key: "youthLed", header: "youth_led", get: (r) => r.youthLed },
  { key: "victimLed", header: "victim_led", get: (r) => r.victimLed },
  { key: "grassroots", header: "grassroots", get: (r) => r.grassroots },
  { key: "website", header: "website", get: (r) => r.website ?? "" },
  { key: "email", header: "email", staffOnly: true, get: (r) => r.email ?? "" },
  { key: "status", header: "status", staffOnly: true, get: (r) => r.status },
  { key: "createdAt", header: "created_at", get: (r) => r.createdAt },
];

function columns(staff: boolean) {
  return EXPORT_COLUMNS.filter((c) => staff || !c.staffOnly);
}

export function toCsv(rows: Row[], staff: boolean): string {
  const cols = columns(staff);
  return csvDocument([cols.map((c) => c.header), ...rows.map((r) => cols.map((c) => c.get(r)))]);
}

export async function toXlsx(rows: Row[], staff: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("organizations");
  const cols = columns(staff);
  ws.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.key === "name" ? 40 : 16 }));
  for (const r of rows) ws.addRow(Object.fromEntries(cols.map((c) => [c.key, c.get(r)])));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
