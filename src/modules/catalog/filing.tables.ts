/**
 * Row type of the catalog filings (目录备案, CAT-2): one per agency and quarter, with the Excel
 * list as filed, kept in the content-addressed file store under its SHA-256.
 */
export interface CatalogFilingTable {
  id: string;
  agency_id: string;
  /** The quarter, e.g. `2026Q3` */
  period: string;
  entry_count: number;
  sha256: string;
  size: number;
  filed_by: string;
  filed_by_name: string;
  filed_at: string;
  /** 报送领导小组: the day it was reported, if recorded, and a free note. */
  reported_on: string | null;
  report_note: string;
}
