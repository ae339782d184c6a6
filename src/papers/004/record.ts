/**
 * Paper 004 — Puthusserry, Khan, Knight & Miller (2020). How do rapidly internationalizing SMEs
 * learn? Management International Review 60(4), 515–542. doi:10.1007/s11575-020-00424-9. CC BY 4.0.
 *
 * A qualitative multiple-case study of ten Indian ICT SMEs (12 interviews): no statistics, but
 * firm and interviewee profiles (Tables 1–2), a coding data structure (Table 3), quotes and eleven
 * propositions. Transcribed from shared/papers/004.md / 004.json (the careful extraction of
 * seeds/004_438ba9ee990f6879.txt, whose run-on Tables 1–2 were split by the rules recorded there).
 * Quotes are short paraphrases, code labels lightly paraphrased table cells. The source text is
 * truncated in §5.1; everything it does not give is `unknownValue(...)` here, and the case × theme
 * evidence grades say what the text states versus what was inferred by the extractor.
 */
import { caseTable, isUnknownValue, unknownValue, type CaseTable, type FieldSpec } from "../../qual/case-table";
import type { ClaimSpec } from "../../qual/claims";
import { codingScheme, type CodingScheme } from "../../qual/coding";
import { evidenceMatrix, type EvidenceCell, type EvidenceMatrix } from "../../qual/evidence";
import type { PropositionSpec } from "../../qual/propositions";

/** A quotation of paper 004 with its case and page. */
export interface Paper004Quote {
  id: string;
  section: string;
  themes: string[];
  growth_strategy: string;
  /** The speaker as the text describes them (role and product type). */
  speaker: string;
  /** A paraphrase of at most ten words (never the paper's wording). */
  paraphrase: string;
  /** Cases whose Table 1–2 profile fits the speaker description (the extractor's inference). */
  candidate_cases: string[];
  /** The case the text names, or the single fitting case; null when several fit. */
  attributed_case: string | null;
  /** high = labelled in the text; medium = one plausible row; low = several; none. */
  confidence: string;
}

/** A statement of paper 004 about several cases at once. */
export interface Paper004AggregateStatement {
  scope: string;
  statement: string;
  check?: string;
  conflict?: string;
  identified?: boolean;
}

/** What the claim checks receive. */
export interface Paper004Context {
  cases: CaseTable;
  coding: CodingScheme;
  evidence: EvidenceMatrix;
}

/** Paper 004's record: design, cases, coding, evidence, propositions and claims. */
export interface Paper004 {
  id: "004";
  citation: string;
  licence: string;
  design: Record<string, string | number>;
  /** Tables 1 and 2 merged: one record per case. */
  cases: CaseTable;
  table1Fields: string[];
  table2Fields: string[];
  /** Table 3 as a coding hierarchy: first-order codes → second-order themes → aggregate dimensions. */
  coding: CodingScheme;
  quotes: Paper004Quote[];
  /** Case × theme evidence (18 columns: 10 sources, 3 learning types, 2 network types, 3 growth strategies). */
  evidence: EvidenceMatrix;
  themeFamilies: Record<string, string>;
  propositions: PropositionSpec[];
  constructs: Record<string, string>;
  aggregateStatements: Paper004AggregateStatement[];
  /** Inconsistencies of the text and tables (id, what; `claim`: the checkable claim that shows it). */
  discrepancies: { id: string; text: string; claim?: string }[];
  trustworthiness: { reported: string[]; notReported: string[] };
  caseFlags: Record<string, string[]>;
  /** The text's descriptive claims, checkable against Tables 1–3. */
  claims: ClaimSpec<Paper004Context>[];
}

const T1 = "Table 1";
const T2 = "Table 2";

const FIELDS: FieldSpec[] = [
  { key: "product_service", label: "Product / service", type: "text", source: T1 },
  { key: "employees", label: "Employees", type: "integer", source: T1 },
  { key: "turnover_usd", label: "Turnover", unit: "$", type: "number", source: T1, note: "Year or basis not stated" },
  { key: "foreign_sales_pct", label: "Foreign sales", unit: "%", type: "number", source: T1 },
  { key: "founded", label: "Founded", type: "year", source: T1 },
  { key: "first_export", label: "First export", type: "year", source: T1 },
  { key: "first_foreign_market", label: "First foreign market", type: "category", source: T1 },
  { key: "n_countries_stated", label: "No. of countries (printed)", type: "integer", source: T1 },
  { key: "markets_listed", label: "Countries listed", type: "list", source: T1 },
  { key: "countries_cell_raw", label: "Countries cell as printed", type: "text", source: T1 },
  { key: "position", label: "Position", type: "category", source: T2 },
  { key: "ownership_type", label: "Ownership", type: "category", source: T2 },
  { key: "n_partners", label: "No. of partners", type: "integer", source: T2 },
  { key: "ownership_raw", label: "Ownership as printed", type: "text", source: T2 },
  { key: "prior_experience", label: "Prior experience", type: "text", source: T2 },
  { key: "prior_experience_years", label: "Prior experience (years)", type: "integer", source: T2 },
  { key: "prior_experience_setting", label: "Prior experience setting", type: "category", source: T2 },
  { key: "international_experience", label: "International experience", type: "text", source: T2 },
  { key: "international_experience_years", label: "International experience (years)", type: "number", source: T2 },
  { key: "worked_abroad", label: "Worked abroad", type: "boolean", source: "derived from Table 2" },
  { key: "n_interviews_inferred", label: "Interviews (inferred)", type: "integer", source: "inferred: 'CMO & CEO' rows of Table 2 + the text's two CMOs" },
];

const cases = caseTable({
  title: "Paper 004: the ten case firms (Tables 1 and 2)",
  fields: FIELDS,
  cases: [
    { id: "C1", product_service: "Enterprise mobile application", employees: 10, turnover_usd: 71000, foreign_sales_pct: 100, founded: 2013, first_export: 2013, first_foreign_market: "UAE", n_countries_stated: 3, markets_listed: ["UAE", "UK", "USA"], countries_cell_raw: "3—UAE, UK, USA", position: "CEO", ownership_type: "Equal", n_partners: 3, ownership_raw: "Equal (3)", prior_experience: "19 years at an Indian MNE", prior_experience_years: 19, prior_experience_setting: "MNE (Indian)", international_experience: "12 years (USA, UAE, Europe, Singapore, Saudi Arabia)", international_experience_years: 12, worked_abroad: true, n_interviews_inferred: 1 },
    { id: "C2", product_service: "Bespoke software development service", employees: 12, turnover_usd: 120000, foreign_sales_pct: 60, founded: 2009, first_export: 2009, first_foreign_market: "USA", n_countries_stated: 2, markets_listed: ["Sweden", "USA"], countries_cell_raw: "2—Sweden and USA", position: "Director", ownership_type: "Equal", n_partners: 3, ownership_raw: "Equal (3)", prior_experience: "17 years at Indian and foreign MNEs", prior_experience_years: 17, prior_experience_setting: "MNE (Indian and foreign)", international_experience: "6 months (Europe)", international_experience_years: 0.5, worked_abroad: true, n_interviews_inferred: 1 },
    { id: "C3", product_service: "Backend software for mobile app", employees: 14, turnover_usd: 170000, foreign_sales_pct: 95, founded: 2014, first_export: 2015, first_foreign_market: "UAE", n_countries_stated: 4, markets_listed: ["UAE", "Indonesia", "Kuwait"], countries_cell_raw: "4—UAE, Indonesia, Kuwait", position: "Founder CEO", ownership_type: "Equal", n_partners: 3, ownership_raw: "Equal (3)", prior_experience: "15 years at Indian and foreign MNEs", prior_experience_years: 15, prior_experience_setting: "MNE (Indian and foreign)", international_experience: "5 years (Taiwan)", international_experience_years: 5, worked_abroad: true, n_interviews_inferred: 1 },
    { id: "C4", product_service: "Digital media studio", employees: 23, turnover_usd: 100000, foreign_sales_pct: 30, founded: 2012, first_export: 2012, first_foreign_market: "USA", n_countries_stated: 7, markets_listed: ["North America", "UK", "Singapore", "Korea", "Japan", "Qatar", "UAE"], countries_cell_raw: "Global digital presence 7—North America, UK, Singapore, Korea, Japan, Qatar, UAE", position: "CMO & CEO", ownership_type: "Equal", n_partners: 5, ownership_raw: "Equal (5)", prior_experience: "3 years freelance", prior_experience_years: 3, prior_experience_setting: "freelance", international_experience: "Worked with foreign clients", international_experience_years: unknownValue("no duration printed ('Worked with foreign clients')"), worked_abroad: false, n_interviews_inferred: 2 },
    { id: "C5", product_service: "ERP solutions", employees: 8, turnover_usd: 55000, foreign_sales_pct: 100, founded: 2013, first_export: 2013, first_foreign_market: "UK", n_countries_stated: 4, markets_listed: ["UK", "Canada", "Australia", "Germany", "UAE"], countries_cell_raw: "4—UK, Canada, Australia, Germany, UAE", position: "Director", ownership_type: "Equal", n_partners: 2, ownership_raw: "Equal (2)", prior_experience: "8 years at Indian MNEs", prior_experience_years: 8, prior_experience_setting: "MNE (Indian)", international_experience: "Worked with foreign clients", international_experience_years: unknownValue("no duration printed ('Worked with foreign clients')"), worked_abroad: false, n_interviews_inferred: 1 },
    { id: "C6", product_service: "Software development (Healthcare)", employees: 50, turnover_usd: 150000, foreign_sales_pct: 100, founded: 2011, first_export: 2011, first_foreign_market: "UK", n_countries_stated: 6, markets_listed: ["UK", "Germany", "France", "Sweden", "Spain", "USA"], countries_cell_raw: "6—UK, Germany, France, Sweden, Spain and USA", position: "Founder director", ownership_type: "Minority", n_partners: 2, ownership_raw: "Minority (2)", prior_experience: "10 years at Indian MNEs", prior_experience_years: 10, prior_experience_setting: "MNE (Indian)", international_experience: "Worked with foreign clients", international_experience_years: unknownValue("no duration printed ('Worked with foreign clients')"), worked_abroad: false, n_interviews_inferred: 1 },
    { id: "C7", product_service: "Online educational service", employees: 5, turnover_usd: 60000, foreign_sales_pct: 98, founded: 2010, first_export: 2010, first_foreign_market: "UK", n_countries_stated: 3, markets_listed: ["UK", "UAE", "Oman"], countries_cell_raw: "3—UK, UAE, Oman", position: "Owner CEO", ownership_type: "Sole ownership", n_partners: unknownValue("no number printed ('Sole ownership')"), ownership_raw: "Sole ownership", prior_experience: "8 years at Indian companies", prior_experience_years: 8, prior_experience_setting: "Indian companies", international_experience: "Worked with foreign clients", international_experience_years: unknownValue("no duration printed ('Worked with foreign clients')"), worked_abroad: false, n_interviews_inferred: 1 },
    { id: "C8", product_service: "Web based CRM Solutions", employees: 12, turnover_usd: 75000, foreign_sales_pct: 55, founded: 2010, first_export: 2010, first_foreign_market: "UK", n_countries_stated: 6, markets_listed: ["UK", "UAE", "Nigeria", "Malaysia", "USA", "Singapore"], countries_cell_raw: "6- UK, UAE, Nigeria, Malaysia, USA, Singapore", position: "CEO", ownership_type: "Family", n_partners: 2, ownership_raw: "Family (2)", prior_experience: "7 years at Indian companies", prior_experience_years: 7, prior_experience_setting: "Indian companies", international_experience: "Worked with foreign clients", international_experience_years: unknownValue("no duration printed ('Worked with foreign clients')"), worked_abroad: false, n_interviews_inferred: 1 },
    { id: "C9", product_service: "Web based solutions", employees: 25, turnover_usd: 90000, foreign_sales_pct: 70, founded: 2009, first_export: 2012, first_foreign_market: "Thailand", n_countries_stated: 6, markets_listed: ["Thailand", "UK", "Australia", "Spain", "USA", "UAE"], countries_cell_raw: "6—Thailand, UK, Australia, Spain, USA, UAE", position: "CMO & CEO", ownership_type: "Equal", n_partners: 6, ownership_raw: "Equal (6)", prior_experience: "2 years freelance", prior_experience_years: 2, prior_experience_setting: "freelance", international_experience: "Worked with foreign clients", international_experience_years: unknownValue("no duration printed ('Worked with foreign clients')"), worked_abroad: false, n_interviews_inferred: 2 },
    { id: "C10", product_service: "Mobile app development", employees: 7, turnover_usd: 42000, foreign_sales_pct: 100, founded: 2014, first_export: 2014, first_foreign_market: "UK", n_countries_stated: 2, markets_listed: ["UK", "UAE"], countries_cell_raw: "2—UK, UAE", position: "CEO", ownership_type: "Minority", n_partners: 2, ownership_raw: "Minority (2)", prior_experience: "10 years at Indian MNEs", prior_experience_years: 10, prior_experience_setting: "MNE (Indian)", international_experience: "Worked with foreign clients", international_experience_years: unknownValue("no duration printed ('Worked with foreign clients')"), worked_abroad: false, n_interviews_inferred: 1 },
  ],
  notes: [
    "Employees and turnover are split from a run-on string (004.md §3); turnover currency '$', year not stated.",
    "Interviews per case are inferred (8 × 1 + 2 × 2 = 12): the paper gives only the total and says two cases also had a CMO.",
  ],
});

const coding = codingScheme({
  title: "Paper 004, Table 3: data structure (first-order codes → second-order themes → aggregate dimensions)",
  dimensions: [
    { id: "external_network", label: "External network" },
    { id: "internal_network", label: "Internal network" },
  ],
  themes: [
    { id: "peer_network", label: "Peers' network firms (GD) / Peers' network (MP)", dimension: "external_network", attributes: { learning_type: "vicarious", growth_strategies: ["geographic_diversification", "market_penetration"] } },
    { id: "industry_association", label: "Industry association", dimension: "external_network", attributes: { learning_type: "vicarious", growth_strategies: ["geographic_diversification"] } },
    { id: "trade_fairs_missions", label: "International networking through trade fairs and trade mission", dimension: "external_network", attributes: { learning_type: "vicarious", growth_strategies: ["geographic_diversification"] } },
    { id: "international_clients", label: "International clients", dimension: "external_network", attributes: { learning_type: "vicarious", growth_strategies: ["market_penetration"] } },
    { id: "foreign_partner", label: "Foreign partner", dimension: "external_network", attributes: { learning_type: "vicarious", growth_strategies: ["product_development"] } },
    { id: "industry_experts", label: "Industry experts", dimension: "external_network", attributes: { learning_type: "vicarious", growth_strategies: ["product_development"] } },
    { id: "prior_experience", label: "Prior experience", dimension: "internal_network", attributes: { learning_type: "congenital", growth_strategies: ["geographic_diversification", "product_development"] } },
    { id: "social_network", label: "Social network", dimension: "internal_network", attributes: { learning_type: "experiential", growth_strategies: ["geographic_diversification"] } },
    { id: "self_learning", label: "Self-learning", dimension: "internal_network", attributes: { learning_type: "experiential", growth_strategies: ["geographic_diversification", "market_penetration"] } },
    { id: "rnd", label: "R&D", dimension: "internal_network", attributes: { learning_type: "experiential", growth_strategies: ["product_development"] } },
  ],
  codes: [
    { id: "fo01", label: "Consulting local entrepreneurs in similar business", theme: "peer_network", attributes: { panel: "GD", growth_strategy: "geographic_diversification", learning_type: "vicarious", knowledge: ["product_tech", "market"], knowledge_inferred: [] } },
    { id: "fo02", label: "Observing competitors or similar firms", theme: "peer_network", attributes: { panel: "GD", growth_strategy: "geographic_diversification", learning_type: "vicarious", knowledge: ["market", "international"], knowledge_inferred: [] } },
    { id: "fo03", label: "Training and workshops run by senior IT professionals and consultants in the region", theme: "industry_association", attributes: { panel: "GD", growth_strategy: "geographic_diversification", learning_type: "vicarious", knowledge: ["product_tech", "international", "market"], knowledge_inferred: [] } },
    { id: "fo04", label: "Participating in trade fairs and trade missions", theme: "trade_fairs_missions", attributes: { panel: "GD", growth_strategy: "geographic_diversification", learning_type: "vicarious", knowledge: ["market", "international"], knowledge_inferred: [] } },
    { id: "fo05", label: "Experience of working abroad or with international clients", theme: "prior_experience", attributes: { panel: "GD", growth_strategy: "geographic_diversification", learning_type: "congenital", knowledge: ["international", "market"], knowledge_inferred: [] } },
    { id: "fo06", label: "Personal relationships with the first foreign client", theme: "social_network", attributes: { panel: "GD", growth_strategy: "geographic_diversification", learning_type: "experiential", knowledge: [], knowledge_inferred: ["international", "market", "product_tech"] } },
    { id: "fo07", label: "Connections provided by family and friends", theme: "social_network", attributes: { panel: "GD", growth_strategy: "geographic_diversification", learning_type: "experiential", knowledge: [], knowledge_inferred: ["international", "market", "product_tech"] } },
    { id: "fo08", label: "Trial and error through internet and digital platforms", theme: "self_learning", attributes: { panel: "GD", growth_strategy: "geographic_diversification", learning_type: "experiential", knowledge: ["international", "market"], knowledge_inferred: [] } },
    { id: "fo09", label: "Clients provide product specifications and information on market potential", theme: "international_clients", attributes: { panel: "MP", growth_strategy: "market_penetration", learning_type: "vicarious", knowledge: ["product_tech", "market"], knowledge_inferred: [] } },
    { id: "fo10", label: "Vicariously observing competitors: product, market conditions and potential", theme: "peer_network", attributes: { panel: "MP", growth_strategy: "market_penetration", learning_type: "vicarious", knowledge: ["product_tech", "market"], knowledge_inferred: [] } },
    { id: "fo11", label: "Consulting other entrepreneurs for product knowledge", theme: "peer_network", attributes: { panel: "MP", growth_strategy: "market_penetration", learning_type: "vicarious", knowledge: ["product_tech"], knowledge_inferred: [] } },
    { id: "fo12", label: "The digital medium gave confidence to adapt products by trial and error", theme: "self_learning", attributes: { panel: "MP", growth_strategy: "market_penetration", learning_type: "experiential", knowledge: [], knowledge_inferred: ["product_tech"] } },
    { id: "fo13", label: "Partner provides market information, product specifications and support for resource adaptation", theme: "foreign_partner", attributes: { panel: "PD", growth_strategy: "product_development", learning_type: "vicarious", knowledge: ["market", "product_tech"], knowledge_inferred: ["international"] } },
    { id: "fo14", label: "Market and technology information from IT professionals", theme: "industry_experts", attributes: { panel: "PD", growth_strategy: "product_development", learning_type: "vicarious", knowledge: ["market", "product_tech"], knowledge_inferred: [] } },
    { id: "fo15", label: "Entrepreneurs' and employees' prior experience gives technology and market understanding", theme: "prior_experience", attributes: { panel: "PD", growth_strategy: "product_development", learning_type: "congenital", knowledge: ["product_tech", "market"], knowledge_inferred: [] } },
    { id: "fo16", label: "R&D team provides product and technology information", theme: "rnd", attributes: { panel: "PD", growth_strategy: "product_development", learning_type: "experiential", knowledge: ["product_tech"], knowledge_inferred: [] } },
  ],
  notes: [
    "panel: GD geographic diversification, MP market penetration (exploitation), PD product development (exploration).",
    "knowledge: types named in the table cell (product_tech, market, international); knowledge_inferred: from the narrative.",
    "Gioia et al. (2013) is not cited; the paper calls the columns 'open coding' and 'axial coding'.",
  ],
});

const quotes: Paper004Quote[] = [
    {"id": "Q1", "section": "4.1.1 GD / learning from peers", "themes": ["peer_network"], "growth_strategy": "geographic_diversification", "speaker": "CEO of a mobile application company", "paraphrase": "Local peer entrepreneurs share challenge strategies at informal meetups", "candidate_cases": ["C1", "C10", "C3"], "attributed_case": null, "confidence": "low"},
    {"id": "Q2", "section": "4.1.1 GD / learning from peers", "themes": ["peer_network"], "growth_strategy": "geographic_diversification", "speaker": "founder of a digital marketing company", "paraphrase": "Peers swap experiences and refer clients for unoffered services", "candidate_cases": ["C4"], "attributed_case": null, "confidence": "low"},
    {"id": "Q3", "section": "4.1.1 GD / learning from peers", "themes": ["peer_network"], "growth_strategy": "geographic_diversification", "speaker": "director of a software development company", "paraphrase": "Study incumbents' challenges and failures before entering new markets", "candidate_cases": ["C2", "C6"], "attributed_case": null, "confidence": "low"},
    {"id": "Q4", "section": "4.1.1 GD / industry associations", "themes": ["industry_association"], "growth_strategy": "geographic_diversification", "speaker": "CEO of a mobile application company", "paraphrase": "Association's senior professionals share successes, failures; help anticipate challenges", "candidate_cases": ["C1", "C10", "C3"], "attributed_case": null, "confidence": "low"},
    {"id": "Q5", "section": "4.1.1 GD / trade fairs and missions", "themes": ["trade_fairs_missions", "industry_association"], "growth_strategy": "geographic_diversification", "speaker": "a cloud application developer", "paraphrase": "Associations take small firms as teams to foreign fairs", "candidate_cases": ["C1"], "attributed_case": null, "confidence": "low"},
    {"id": "Q6", "section": "4.1.1 GD / trade fairs and missions", "themes": ["trade_fairs_missions"], "growth_strategy": "geographic_diversification", "speaker": "CEO of a web application development company", "paraphrase": "Fairs reveal what others do and market trends", "candidate_cases": ["C8", "C9"], "attributed_case": null, "confidence": "low"},
    {"id": "Q7", "section": "4.1.2 GD / prior international experience", "themes": ["prior_experience"], "growth_strategy": "geographic_diversification", "speaker": "director of an e-commerce service provider", "paraphrase": "Foreign clients value transparency; underpricing hurts Indian start-ups", "candidate_cases": ["C2", "C5", "C6"], "attributed_case": null, "confidence": "low"},
    {"id": "Q8", "section": "4.1.2 GD / prior international experience", "themes": ["prior_experience"], "growth_strategy": "geographic_diversification", "speaker": "CEO of a cloud application development company, ~20 years' international experience with a leading MNE", "paraphrase": "Experience built confidence with foreign clients, not marketing skill", "candidate_cases": ["C1"], "attributed_case": "C1", "confidence": "medium"},
    {"id": "Q9", "section": "4.1.2 GD / social network", "themes": ["social_network"], "growth_strategy": "geographic_diversification", "speaker": "manager from a software development firm (expatriate contacts in Sweden, the US and the Middle East)", "paraphrase": "Expatriate friends abroad refer clients and supply product specifications", "candidate_cases": ["C2", "C6"], "attributed_case": "C2", "confidence": "medium"},
    {"id": "Q10", "section": "4.1.2 GD / self-learning", "themes": ["self_learning"], "growth_strategy": "geographic_diversification", "speaker": "CEO of a mobile application development firm", "paraphrase": "Learned through online search and costly mistakes, lacking references", "candidate_cases": ["C10", "C1"], "attributed_case": "C10", "confidence": "medium"},
    {"id": "Q11", "section": "4.2.1 MP / international clients", "themes": ["international_clients"], "growth_strategy": "market_penetration", "speaker": "founder of an ERP development company", "paraphrase": "Client IT managers specify new software; joint research follows", "candidate_cases": ["C5"], "attributed_case": "C5", "confidence": "medium"},
    {"id": "Q12", "section": "4.2.1 MP / learning from peers", "themes": ["peer_network"], "growth_strategy": "market_penetration", "speaker": "one of the managers", "paraphrase": "Adopted competitor's explainer-video idea, then built it ourselves", "candidate_cases": [], "attributed_case": null, "confidence": "none"},
    {"id": "Q13", "section": "4.2.1 MP / learning from peers", "themes": ["peer_network"], "growth_strategy": "market_penetration", "speaker": "founder of an educational software development firm", "paraphrase": "Peer WhatsApp groups: easiest way to vet foreign clients", "candidate_cases": ["C7"], "attributed_case": "C7", "confidence": "medium"},
    {"id": "Q14", "section": "4.2.2 MP / self-learning", "themes": ["self_learning"], "growth_strategy": "market_penetration", "speaker": "owner of a digital App development company", "paraphrase": "Online searches and YouTube ads reveal technologies for app updates", "candidate_cases": ["C10", "C7"], "attributed_case": null, "confidence": "low"},
    {"id": "Q15", "section": "4.2.2 MP / self-learning", "themes": ["self_learning"], "growth_strategy": "market_penetration", "speaker": "Case 3 (explicitly labelled)", "paraphrase": "Adapt online information, beat copycats, pilot with reliable clients", "candidate_cases": ["C3"], "attributed_case": "C3", "confidence": "high"},
    {"id": "Q16", "section": "4.3 PD (exploration)", "themes": ["prior_experience", "industry_experts", "rnd"], "growth_strategy": "product_development", "speaker": "founder of a software development company (one of the two exploration firms)", "paraphrase": "Own expertise, mentor IT professionals, R&D team, trade agencies", "candidate_cases": ["C6", "C2"], "attributed_case": null, "confidence": "low"},
];

const ITEMS: string[] = ["peer_network", "industry_association", "trade_fairs_missions", "international_clients", "foreign_partner", "industry_experts", "prior_experience", "social_network", "self_learning", "rnd", "vicarious", "congenital", "experiential", "external_network", "internal_network", "geographic_diversification", "market_penetration", "product_development"];

const CELLS: Record<string, Record<string, EvidenceCell>> = {
    C1: {
      peer_network: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q1 (speaker: CEO of a mobile application company) could be this case; candidates: C1, C10, C3. Left null.", "candidates": ["Q1"]},
      industry_association: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q5 (speaker: a cloud application developer) could be this case; candidates: C1. Left null.", "candidates": ["Q4", "Q5"]},
      trade_fairs_missions: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q5 (speaker: a cloud application developer) could be this case; candidates: C1. Left null.", "candidates": ["Q5"]},
      international_clients: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      foreign_partner: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_experts: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      prior_experience: {"present": true, "grade": "inferred", "basis": ["profile_derived", "quote_descriptor_match"], "confidence": "medium", "note": "Table 2: 19 years at an Indian MNE and 12 years abroad. Q8 (a CEO with about 20 years at an MNE) most likely C1.", "quotes": ["Q8"]},
      social_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      self_learning: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      rnd: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      vicarious: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      congenital: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived", "quote_descriptor_match"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience.", "quotes": ["Q8"]},
      experiential: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      external_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      internal_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived", "quote_descriptor_match"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience.", "quotes": ["Q8"]},
      geographic_diversification: {"present": true, "grade": "inferred", "basis": ["profile_derived", "quote_descriptor_match"], "confidence": "high", "note": "Table 1: sells in 3 stated / 3 listed foreign markets (UAE, UK, USA). The section-4 narrative covers all cases' geographic expansion. Also Q8 (medium-confidence attribution) sits in a section 4.1 geographic-diversification passage.", "quotes": ["Q8"]},
      market_penetration: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The text says firms 'mainly' followed exploitation/market penetration. The count and identity of cases are not given."},
      product_development: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "Exactly 2 of 10 cases used exploration (section 4.3); they are not identified."},
    },
    C2: {
      peer_network: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q3 (speaker: director of a software development company) could be this case; candidates: C2, C6. Left null.", "candidates": ["Q3"]},
      industry_association: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      trade_fairs_missions: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      international_clients: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      foreign_partner: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_experts: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q16 (speaker: founder of a software development company (one of the two exploration firms)) could be this case; candidates: C6, C2. Left null.", "candidates": ["Q16"]},
      prior_experience: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "medium", "note": "Table 2: 17 years at Indian and foreign MNEs; international experience 6 months (Europe). This matches open code fo05 ('working in a foreign country'). The text says 'many' firms drew on it; the authors' per-case coding is not reported."},
      social_network: {"present": true, "grade": "inferred", "basis": ["quote_descriptor_match"], "confidence": "medium", "note": "Q9: expatriate friends in Sweden and the US refer clients. C2's markets are exactly Sweden and USA.", "quotes": ["Q9"]},
      self_learning: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      rnd: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q16 (speaker: founder of a software development company (one of the two exploration firms)) could be this case; candidates: C6, C2. Left null.", "candidates": ["Q16"]},
      vicarious: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      congenital: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      experiential: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "quote_descriptor_match"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: social_network.", "quotes": ["Q9"]},
      external_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      internal_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived", "quote_descriptor_match"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience, social_network.", "quotes": ["Q9"]},
      geographic_diversification: {"present": true, "grade": "inferred", "basis": ["profile_derived", "quote_descriptor_match"], "confidence": "high", "note": "Table 1: sells in 2 stated / 2 listed foreign markets (Sweden, USA). The section-4 narrative covers all cases' geographic expansion. Also Q9 (medium-confidence attribution) sits in a section 4.1 geographic-diversification passage.", "quotes": ["Q9"]},
      market_penetration: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The text says firms 'mainly' followed exploitation/market penetration. The count and identity of cases are not given."},
      product_development: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Exactly 2 of 10 cases used exploration (section 4.3); they are not identified. Q16 candidate.", "candidates": ["Q16"]},
    },
    C3: {
      peer_network: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q1 (speaker: CEO of a mobile application company) could be this case; candidates: C1, C10, C3. Left null.", "candidates": ["Q1"]},
      industry_association: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q4 (speaker: CEO of a mobile application company) could be this case; candidates: C1, C10, C3. Left null.", "candidates": ["Q4"]},
      trade_fairs_missions: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      international_clients: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      foreign_partner: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_experts: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      prior_experience: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "medium", "note": "Table 2: 15 years at Indian and foreign MNEs; international experience 5 years (Taiwan). This matches open code fo05 ('working in a foreign country'). The text says 'many' firms drew on it; the authors' per-case coding is not reported."},
      social_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      self_learning: {"present": true, "grade": "stated", "basis": ["explicit_case_label"], "confidence": "high", "note": "Quote explicitly labelled Case 3: adapts downloaded online information and tests products with clients.", "quotes": ["Q15"]},
      rnd: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      vicarious: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      congenital: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      experiential: {"present": true, "grade": "stated", "basis": ["derived_from_sources", "explicit_case_label"], "confidence": "high", "note": "Derived through the Table 3 mapping from: self_learning.", "quotes": ["Q15"]},
      external_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      internal_network: {"present": true, "grade": "stated", "basis": ["derived_from_sources", "explicit_case_label", "profile_derived"], "confidence": "high", "note": "Derived through the Table 3 mapping from: prior_experience, self_learning.", "quotes": ["Q15"]},
      geographic_diversification: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "high", "note": "Table 1: sells in 4 stated / 3 listed foreign markets (UAE, Indonesia, Kuwait). The section-4 narrative covers all cases' geographic expansion."},
      market_penetration: {"present": true, "grade": "stated", "basis": ["explicit_case_label"], "confidence": "high", "note": "The Case 3 quote sits in section 4.2.2 (internal sources for market penetration): improving the product ahead of copycats.", "quotes": ["Q15"]},
      product_development: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "Exactly 2 of 10 cases used exploration (section 4.3); they are not identified."},
    },
    C4: {
      peer_network: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q2 (speaker: founder of a digital marketing company) could be this case; candidates: C4. Left null.", "candidates": ["Q2"]},
      industry_association: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      trade_fairs_missions: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      international_clients: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      foreign_partner: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_experts: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      prior_experience: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "medium", "note": "Table 2: 3 years freelance; 'Worked with foreign clients'. This matches open code fo05 ('working with international clients'). The text says 'many' firms drew on it; the authors' per-case coding is not reported."},
      social_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      self_learning: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      rnd: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      vicarious: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      congenital: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      experiential: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      external_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      internal_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      geographic_diversification: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "high", "note": "Table 1: sells in 7 stated / 7 listed foreign markets (North America, UK, Singapore, Korea, Japan, Qatar, UAE). The section-4 narrative covers all cases' geographic expansion."},
      market_penetration: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The text says firms 'mainly' followed exploitation/market penetration. The count and identity of cases are not given."},
      product_development: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "Exactly 2 of 10 cases used exploration (section 4.3); they are not identified."},
    },
    C5: {
      peer_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_association: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      trade_fairs_missions: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      international_clients: {"present": true, "grade": "inferred", "basis": ["quote_descriptor_match"], "confidence": "medium", "note": "Q11 (ERP firm; C5 is the only ERP case): clients' IT managers supply specifications.", "quotes": ["Q11"]},
      foreign_partner: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_experts: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      prior_experience: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "medium", "note": "Table 2: 8 years at Indian MNEs; 'Worked with foreign clients'. This matches open code fo05 ('working with international clients'). The text says 'many' firms drew on it; the authors' per-case coding is not reported."},
      social_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      self_learning: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      rnd: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      vicarious: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "quote_descriptor_match"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: international_clients.", "quotes": ["Q11"]},
      congenital: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      experiential: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      external_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "quote_descriptor_match"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: international_clients.", "quotes": ["Q11"]},
      internal_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      geographic_diversification: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "high", "note": "Table 1: sells in 4 stated / 5 listed foreign markets (UK, Canada, Australia, Germany, UAE). The section-4 narrative covers all cases' geographic expansion."},
      market_penetration: {"present": true, "grade": "inferred", "basis": ["quote_descriptor_match"], "confidence": "medium", "note": "Q11 sits in section 4.2.1 (external sources for market penetration).", "quotes": ["Q11"]},
      product_development: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "Exactly 2 of 10 cases used exploration (section 4.3); they are not identified."},
    },
    C6: {
      peer_network: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q3 (speaker: director of a software development company) could be this case; candidates: C2, C6. Left null.", "candidates": ["Q3"]},
      industry_association: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      trade_fairs_missions: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      international_clients: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      foreign_partner: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_experts: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q16 (speaker: founder of a software development company (one of the two exploration firms)) could be this case; candidates: C6, C2. Left null.", "candidates": ["Q16"]},
      prior_experience: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "medium", "note": "Table 2: 10 years at Indian MNEs; 'Worked with foreign clients'. This matches open code fo05 ('working with international clients'). The text says 'many' firms drew on it; the authors' per-case coding is not reported."},
      social_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      self_learning: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      rnd: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q16 (speaker: founder of a software development company (one of the two exploration firms)) could be this case; candidates: C6, C2. Left null.", "candidates": ["Q16"]},
      vicarious: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      congenital: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      experiential: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      external_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      internal_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      geographic_diversification: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "high", "note": "Table 1: sells in 6 stated / 6 listed foreign markets (UK, Germany, France, Sweden, Spain, USA). The section-4 narrative covers all cases' geographic expansion."},
      market_penetration: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The text says firms 'mainly' followed exploitation/market penetration. The count and identity of cases are not given."},
      product_development: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Exactly 2 of 10 cases used exploration (section 4.3); they are not identified. Q16 candidate.", "candidates": ["Q16"]},
    },
    C7: {
      peer_network: {"present": true, "grade": "inferred", "basis": ["quote_descriptor_match"], "confidence": "medium", "note": "Q13 (educational software founder; C7 is the only education case): peer WhatsApp groups.", "quotes": ["Q13"]},
      industry_association: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      trade_fairs_missions: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      international_clients: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      foreign_partner: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_experts: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      prior_experience: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "medium", "note": "Table 2: 8 years at Indian companies; 'Worked with foreign clients'. This matches open code fo05 ('working with international clients'). The text says 'many' firms drew on it; the authors' per-case coding is not reported."},
      social_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      self_learning: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q14 (speaker: owner of a digital App development company) could be this case; candidates: C10, C7. Left null.", "candidates": ["Q14"]},
      rnd: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      vicarious: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "quote_descriptor_match"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: peer_network.", "quotes": ["Q13"]},
      congenital: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      experiential: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      external_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "quote_descriptor_match"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: peer_network.", "quotes": ["Q13"]},
      internal_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      geographic_diversification: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "high", "note": "Table 1: sells in 3 stated / 3 listed foreign markets (UK, UAE, Oman). The section-4 narrative covers all cases' geographic expansion."},
      market_penetration: {"present": true, "grade": "inferred", "basis": ["quote_descriptor_match"], "confidence": "medium", "note": "Q13 sits in section 4.2.1 (peers, market penetration).", "quotes": ["Q13"]},
      product_development: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "Exactly 2 of 10 cases used exploration (section 4.3); they are not identified."},
    },
    C8: {
      peer_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_association: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      trade_fairs_missions: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q6 (speaker: CEO of a web application development company) could be this case; candidates: C8, C9. Left null.", "candidates": ["Q6"]},
      international_clients: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      foreign_partner: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_experts: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      prior_experience: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "medium", "note": "Table 2: 7 years at Indian companies; 'Worked with foreign clients'. This matches open code fo05 ('working with international clients'). The text says 'many' firms drew on it; the authors' per-case coding is not reported."},
      social_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      self_learning: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      rnd: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      vicarious: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      congenital: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      experiential: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      external_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      internal_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      geographic_diversification: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "high", "note": "Table 1: sells in 6 stated / 6 listed foreign markets (UK, UAE, Nigeria, Malaysia, USA, Singapore). The section-4 narrative covers all cases' geographic expansion."},
      market_penetration: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The text says firms 'mainly' followed exploitation/market penetration. The count and identity of cases are not given."},
      product_development: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "Exactly 2 of 10 cases used exploration (section 4.3); they are not identified."},
    },
    C9: {
      peer_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_association: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      trade_fairs_missions: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q6 (speaker: CEO of a web application development company) could be this case; candidates: C8, C9. Left null.", "candidates": ["Q6"]},
      international_clients: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      foreign_partner: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_experts: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      prior_experience: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "medium", "note": "Table 2: 2 years freelance; 'Worked with foreign clients'. This matches open code fo05 ('working with international clients'). The text says 'many' firms drew on it; the authors' per-case coding is not reported."},
      social_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      self_learning: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      rnd: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      vicarious: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      congenital: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      experiential: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      external_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      internal_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      geographic_diversification: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "high", "note": "Table 1: sells in 6 stated / 6 listed foreign markets (Thailand, UK, Australia, Spain, USA, UAE). The section-4 narrative covers all cases' geographic expansion."},
      market_penetration: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The text says firms 'mainly' followed exploitation/market penetration. The count and identity of cases are not given."},
      product_development: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "Exactly 2 of 10 cases used exploration (section 4.3); they are not identified."},
    },
    C10: {
      peer_network: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q1 (speaker: CEO of a mobile application company) could be this case; candidates: C1, C10, C3. Left null.", "candidates": ["Q1"]},
      industry_association: {"present": null, "grade": "not_reported", "basis": ["candidate_only"], "confidence": "low", "note": "Q4 (speaker: CEO of a mobile application company) could be this case; candidates: C1, C10, C3. Left null.", "candidates": ["Q4"]},
      trade_fairs_missions: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      international_clients: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      foreign_partner: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      industry_experts: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      prior_experience: {"present": true, "grade": "inferred", "basis": ["profile_derived"], "confidence": "medium", "note": "Table 2: 10 years at Indian MNEs; 'Worked with foreign clients'. This matches open code fo05 ('working with international clients'). The text says 'many' firms drew on it; the authors' per-case coding is not reported."},
      social_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      self_learning: {"present": true, "grade": "inferred", "basis": ["quote_descriptor_match"], "confidence": "medium", "note": "Q10 (CEO, mobile app development firm; no personal connections): online search and trial and error.", "quotes": ["Q10"]},
      rnd: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The paper reports no case-level coding for this cell."},
      vicarious: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      congenital: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience."},
      experiential: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "quote_descriptor_match"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: self_learning.", "quotes": ["Q10"]},
      external_network: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "No source theme of this type is attributable to this case."},
      internal_network: {"present": true, "grade": "inferred", "basis": ["derived_from_sources", "profile_derived", "quote_descriptor_match"], "confidence": "medium", "note": "Derived through the Table 3 mapping from: prior_experience, self_learning.", "quotes": ["Q10"]},
      geographic_diversification: {"present": true, "grade": "inferred", "basis": ["profile_derived", "quote_descriptor_match"], "confidence": "high", "note": "Table 1: sells in 2 stated / 2 listed foreign markets (UK, UAE). The section-4 narrative covers all cases' geographic expansion. Also Q10 (medium-confidence attribution) sits in a section 4.1 geographic-diversification passage.", "quotes": ["Q10"]},
      market_penetration: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "The text says firms 'mainly' followed exploitation/market penetration. The count and identity of cases are not given."},
      product_development: {"present": null, "grade": "not_reported", "basis": ["not_reported"], "confidence": "none", "note": "Exactly 2 of 10 cases used exploration (section 4.3); they are not identified."},
    },
};

const evidence = evidenceMatrix({
  title: "Paper 004: case × theme evidence (constructed from the text; not a table of the paper)",
  cases,
  items: ITEMS,
  cells: CELLS,
  scheme: coding,
  extraItems: ["vicarious", "congenital", "experiential", "geographic_diversification", "market_penetration", "product_development"],
  labels: {
    peer_network: "Peers",
    industry_association: "Industry association",
    trade_fairs_missions: "Trade fairs/missions",
    international_clients: "Intl clients",
    foreign_partner: "Foreign partner",
    industry_experts: "Industry experts",
    prior_experience: "Prior experience",
    social_network: "Social network",
    self_learning: "Self-learning",
    rnd: "R&D",
    vicarious: "Vicarious",
    congenital: "Congenital",
    experiential: "Experiential",
    external_network: "External network",
    internal_network: "Internal network",
    geographic_diversification: "Geographic diversification",
    market_penetration: "Market penetration",
    product_development: "Product development",
  },
  notes: [
    "stated = the text names the case (only the Case 3 quote); inferred = the extractor's reading (speaker description matching one Table 1–2 row, profile attributes, or the Table 3 mapping).",
    "The text says exactly 2 of 10 firms used product development but does not say which; those cells stay unknown.",
  ],
});

const propositions: PropositionSpec[] = [
    { id: "P1", text: "Managers use internal and external knowledge for early internationalization, internationalization performance and product innovation.", constructs: ["internal_network", "early_internationalization", "internationalization_performance", "product_innovation", "external_network"], links: [["internal_network", "early_internationalization", "drives"], ["internal_network", "internationalization_performance", "drives"], ["internal_network", "product_innovation", "drives"], ["external_network", "early_internationalization", "drives"], ["external_network", "internationalization_performance", "drives"], ["external_network", "product_innovation", "drives"]] },
    { id: "P2", text: "Market knowledge (customers, channels, how to market) drives entry performance, geographic expansion and product innovation.", constructs: ["knowledge_market", "foreign_entry_performance", "geographic_diversification", "product_innovation"], links: [["knowledge_market", "foreign_entry_performance", "drives"], ["knowledge_market", "geographic_diversification", "drives"], ["knowledge_market", "product_innovation", "drives"]] },
    { id: "P3", text: "International knowledge, especially target-market knowledge, drives entry performance, geographic expansion and product development.", constructs: ["knowledge_international", "foreign_entry_performance", "geographic_diversification", "product_development"], links: [["knowledge_international", "foreign_entry_performance", "drives"], ["knowledge_international", "geographic_diversification", "drives"], ["knowledge_international", "product_development", "drives"]] },
    { id: "P4", text: "Product/technological knowledge drives entry performance, geographic expansion and market penetration.", constructs: ["knowledge_product_tech", "foreign_entry_performance", "geographic_diversification", "market_penetration"], links: [["knowledge_product_tech", "foreign_entry_performance", "drives"], ["knowledge_product_tech", "geographic_diversification", "drives"], ["knowledge_product_tech", "market_penetration", "drives"]] },
    { id: "P5", text: "External learning for geographic expansion comes mainly from peers, associations, trade fairs and missions; it is mostly vicarious and enables post-entry growth.", constructs: ["peer_network", "external_learning", "industry_association", "trade_fairs_missions", "vicarious", "geographic_diversification", "post_entry_growth"], links: [["peer_network", "external_learning", "consists_of"], ["industry_association", "external_learning", "consists_of"], ["trade_fairs_missions", "external_learning", "consists_of"], ["external_learning", "vicarious", "mode"], ["external_learning", "geographic_diversification", "drives"], ["geographic_diversification", "post_entry_growth", "drives"]] },
    { id: "P6", text: "External sources, especially international clients, peers and partners, drive the continuous product innovation that sustains post-entry performance.", constructs: ["international_clients", "continuous_product_innovation", "peer_network", "foreign_partner", "post_entry_performance"], links: [["international_clients", "continuous_product_innovation", "drives"], ["peer_network", "continuous_product_innovation", "drives"], ["foreign_partner", "continuous_product_innovation", "drives"], ["continuous_product_innovation", "post_entry_performance", "drives"]] },
    { id: "P7", text: "External learning builds the knowledge to manage target-market risk, uncertainty and challenges.", constructs: ["external_learning", "knowledge_risk_uncertainty"], links: [["external_learning", "knowledge_risk_uncertainty", "drives"]] },
    { id: "P8", text: "External learning builds the knowledge that supports post-entry learning and target-market performance.", constructs: ["external_learning", "post_entry_learning", "post_entry_performance"], links: [["external_learning", "post_entry_learning", "drives"], ["external_learning", "post_entry_performance", "drives"]] },
    { id: "P9", text: "Internal learning consists mainly of prior internationalization experience, personal networks, self-learning and trial and error.", constructs: ["prior_experience", "internal_learning", "social_network", "self_learning", "trial_and_error"], links: [["prior_experience", "internal_learning", "consists_of"], ["social_network", "internal_learning", "consists_of"], ["self_learning", "internal_learning", "consists_of"], ["trial_and_error", "internal_learning", "consists_of"]] },
    { id: "P10", text: "Self-learning builds product, market and international knowledge and drives foreign-market performance, product innovation and geographic expansion.", constructs: ["self_learning", "knowledge_product_tech", "knowledge_market", "knowledge_international", "foreign_entry_performance", "product_innovation", "geographic_diversification"], links: [["self_learning", "knowledge_product_tech", "drives"], ["self_learning", "knowledge_market", "drives"], ["self_learning", "knowledge_international", "drives"], ["self_learning", "foreign_entry_performance", "drives"], ["self_learning", "product_innovation", "drives"], ["self_learning", "geographic_diversification", "drives"]] },
    { id: "P11", text: "Internal network sources mainly facilitate experiential and congenital learning; external sources enable vicarious learning.", constructs: ["internal_network", "experiential", "congenital", "external_network", "vicarious"], links: [["internal_network", "experiential", "facilitates"], ["internal_network", "congenital", "facilitates"], ["external_network", "vicarious", "facilitates"]] },
];

function years(c: CaseTable, id: string): number | null {
  const f = c.value(id, "founded");
  const e = c.value(id, "first_export");
  return isUnknownValue(f) || isUnknownValue(e) ? null : (e as number) - (f as number);
}

const claims: ClaimSpec<Paper004Context>[] = [
  {
    id: "cmo-cases",
    text: "Two of the cases also had a chief marketing officer involved",
    source: "§3",
    published: 2,
    reproduce: (x) => x.cases.known("position").filter((r) => /CMO/.test(String(r.value))).length,
    cells: "Table 2 Position ('CMO & CEO' in Cases 4 and 9)",
  },
  {
    id: "foreign-majority",
    text: "All case firms earned the majority of their revenue from foreign sales",
    source: "§4 (first paragraph)",
    published: true,
    reproduce: (x) => x.cases.numbers("foreign_sales_pct").every((v) => v !== null && v > 50),
    cells: "Table 1 % of foreign sales (C4 = 30%)",
  },
  {
    id: "within-2-years",
    text: "Sampling: international activity began at inception or within 2 years",
    source: "§3 sampling criterion 1",
    published: true,
    reproduce: (x) => x.cases.ids.every((id) => (years(x.cases, id) ?? Infinity) <= 2),
    cells: "Table 1 Founded and First export (C9: 2009 → 2012)",
  },
  {
    id: "more-than-two-countries",
    text: "Sampling: every firm had entered more than two countries",
    source: "§3 sampling criterion 2",
    published: true,
    reproduce: (x) => x.cases.numbers("n_countries_stated").every((v) => v !== null && v > 2),
    cells: "Table 1 Number of countries (C2 = 2, C10 = 2)",
  },
  {
    id: "country-counts",
    text: "Table 1's printed number of countries equals the countries it lists (internal consistency)",
    source: "Table 1",
    published: true,
    reproduce: (x) => x.cases.ids.every((id) => x.cases.value(id, "n_countries_stated") === (x.cases.value(id, "markets_listed") as string[]).length),
    cells: "Table 1 Number of countries vs the list (C3: 4 vs 3; C5: 4 vs 5)",
  },
  {
    id: "two-explorers",
    text: "Only two of the ten firms used exploration (product development)",
    source: "§4.3",
    published: 2,
    reproduce: (x) => {
      const known = x.cases.ids.filter((id) => x.evidence.cell(id, "product_development").present !== null);
      if (known.length < x.cases.ids.length) return unknownValue("the two firms are not identified; no case-level product-development coding is published");
      return x.evidence.casesWith("product_development", ["stated", "inferred"]).length;
    },
    cells: "Case × theme evidence, Product development column (all cells not reported)",
  },
  {
    id: "p11-table3",
    text: "External sources give vicarious learning; internal sources give experiential or congenital learning (P11) — as coded in Table 3",
    source: "P11; Table 3",
    published: true,
    reproduce: (x) =>
      x.coding.codes.every((c) => {
        const dim = x.coding.themeOf(c.id).dimension;
        const lt = c.attributes?.learning_type;
        return dim === "external_network" ? lt === "vicarious" : lt === "experiential" || lt === "congenital";
      }),
    cells: "Table 3 Aggregate dimension × Type of learning (16 rows)",
  },
  {
    id: "no-fairs-for-product",
    text: "Trade fairs and industry associations were not key sources for product diversification",
    source: "§4.2 / §5",
    published: true,
    reproduce: (x) =>
      !x.coding.codes.some((c) => ["trade_fairs_missions", "industry_association"].includes(c.theme) && c.attributes?.panel !== "GD"),
    cells: "Table 3 MP and PD panels (no fair or association rows)",
  },
  {
    id: "personal-external-mp",
    text: "For market penetration, personal relationships acted as an external knowledge source",
    source: "§5 (discussion)",
    published: true,
    reproduce: (x) => x.coding.codes.some((c) => c.theme === "social_network" && c.attributes?.panel === "MP" && x.coding.themeOf(c.id).dimension === "external_network"),
    cells: "Table 3: social network is an internal-network theme with rows only in the GD panel",
  },
];

/** Paper 004 as data: cases, coding, quotes, evidence, propositions and checkable claims. */
export const paper004: Paper004 = {
  id: "004",
  citation:
    "Puthusserry, P., Khan, Z., Knight, G., & Miller, K. (2020). How do rapidly internationalizing SMEs learn? Exploring the link between network relationships, learning approaches and post-entry growth of rapidly internationalizing SMEs from emerging markets. Management International Review, 60(4), 515–542. https://doi.org/10.1007/s11575-020-00424-9",
  licence: "CC BY 4.0 (open access)",
  design: {
    type: "Qualitative, interpretivist multiple case study (theory elaboration and generation)",
    cases: 10,
    interviews: 12,
    interviewLength: "45–60 min on average, English, audio-recorded, transcribed verbatim",
    homeCountry: "India (city or region not named)",
    dataCollection: "not reported (before the manuscript was received, 15 Mar 2019)",
    software: "none mentioned",
    outputs: "11 propositions; nothing tested statistically",
    truncation: "The source text stops in §5.1; later implications, limitations and references are missing",
  },
  cases,
  table1Fields: ["product_service", "employees", "turnover_usd", "foreign_sales_pct", "founded", "first_export", "first_foreign_market", "n_countries_stated", "markets_listed"],
  table2Fields: ["position", "ownership_raw", "prior_experience", "international_experience"],
  coding,
  quotes,
  evidence,
  themeFamilies: {"peer_network": "learning_source", "industry_association": "learning_source", "trade_fairs_missions": "learning_source", "international_clients": "learning_source", "foreign_partner": "learning_source", "industry_experts": "learning_source", "prior_experience": "learning_source", "social_network": "learning_source", "self_learning": "learning_source", "rnd": "learning_source", "vicarious": "learning_approach", "congenital": "learning_approach", "experiential": "learning_approach", "external_network": "network_type", "internal_network": "network_type", "geographic_diversification": "growth_strategy", "market_penetration": "growth_strategy", "product_development": "growth_strategy"},
  propositions,
  constructs: {"internal_network": "Internal (network) knowledge sources", "external_network": "External (network) knowledge sources", "internal_learning": "Internal learning", "external_learning": "External learning", "peer_network": "Peer networks", "industry_association": "Industry associations", "trade_fairs_missions": "Trade fairs and trade missions", "international_clients": "International clients", "foreign_partner": "(Foreign) partners", "prior_experience": "Prior internationalization experience", "social_network": "Personal/social networks", "self_learning": "Self-learning", "trial_and_error": "Trial-and-error approaches", "vicarious": "Vicarious learning", "congenital": "Congenital learning", "experiential": "Experiential learning", "knowledge_market": "Market knowledge", "knowledge_international": "International (target-market) knowledge", "knowledge_product_tech": "Product/technological knowledge", "knowledge_risk_uncertainty": "Knowledge to manage target-market risk, uncertainty and challenges", "early_internationalization": "Early internationalization", "internationalization_performance": "Internationalization performance", "foreign_entry_performance": "Performance in foreign market entry", "geographic_diversification": "Geographic expansion", "product_innovation": "Product innovation", "continuous_product_innovation": "Continuous product innovation", "product_development": "Product development (exploration)", "market_penetration": "Market penetration (exploitation)", "post_entry_growth": "Post-entry growth", "post_entry_performance": "Post-entry (target-market) performance", "post_entry_learning": "Post-entry learning"},
  aggregateStatements: [{"scope": "all 10", "statement": "All case firms were highly international, with most revenue from foreign sales", "check": "Table 1: 9 of 10 have foreign sales above 50%; C4 has 30%"}, {"scope": "all 10", "statement": "Founders built their firms to target international markets from inception; the main motive was India's efficient IT/ITES workforce"}, {"scope": "all 10", "statement": "Every case's propensity to learn post-entry aided survival and growth through geographic diversification and product innovation"}, {"scope": "many", "statement": "Prior international experience helped many case firms learn about further foreign markets"}, {"scope": "many", "statement": "Many firms followed trial and error to learn and enter new markets, especially those without networks or prior experience"}, {"scope": "some", "statement": "Some respondents found informal WhatsApp entrepreneur groups unhelpful (geographic section)", "conflict": "Section 4.2.1 says firms cited peer WhatsApp groups as a good resource"}, {"scope": "majority", "statement": "Firms mainly followed product modification (exploitation) to penetrate existing markets, and preferred an established presence in a few countries"}, {"scope": "majority", "statement": "Most cases said prior industry experience helped them understand industry dynamics and client requirements (market penetration)"}, {"scope": "many", "statement": "Many managers said prior experience helped them assimilate online information"}, {"scope": "exactly 2 of 10", "statement": "Only two firms used exploration (product development); the others developed no proprietary products", "identified": false}, {"scope": "majority", "statement": "Most firms were software developers serving mobile or digital companies"}, {"scope": "majority", "statement": "In most cases only one person had key responsibility for international business; two cases also had a CMO"}, {"scope": "general", "statement": "Trade fairs and industry associations were NOT found to be key learning sources for product diversification"}, {"scope": "general", "statement": "Learning for market penetration arose mainly from international clients, peer firms and personal relationships (called 'external knowledge')", "conflict": "Table 3 classes personal/social networks as INTERNAL and lists no social-network row in the market-penetration panel"}],
  discrepancies: [
    {"id": "004.discrepancy.1", "text": "Sampling criterion 'first international activity within 2 years' vs C9: founded 2009, first export 2012 (3 years).", "claim": "within-2-years"},
    {"id": "004.discrepancy.2", "text": "Sampling criterion 'entered MORE than two countries' vs C2 and C10, which have 2 countries each.", "claim": "more-than-two-countries"},
    {"id": "004.discrepancy.3", "text": "Table 1 country counts vs lists: C3 states 4 and lists 3; C5 states 4 and lists 5.", "claim": "country-counts"},
    {"id": "004.discrepancy.4", "text": "'All case firms ... majority of their revenue coming from foreign sales' vs C4 with 30% foreign sales.", "claim": "foreign-majority"},
    {"id": "004.discrepancy.5", "text": "Section 4.3 is titled 'Internal Sources of Knowledge for Product Development', but Table 3's PD panel and the section's quote include external sources (foreign partner, industry experts)."},
    {"id": "004.discrepancy.6", "text": "Discussion: market-penetration learning came from clients, peers and 'personal relationships (external knowledge)'. Table 3 treats social/personal networks as INTERNAL and has no social-network row in the MP panel.", "claim": "personal-external-mp"},
    {"id": "004.discrepancy.7", "text": "WhatsApp peer groups: 'often unhelpful' in section 4.1.2 vs 'a good resource' in section 4.2.1."},
    {"id": "004.discrepancy.8", "text": "Q8's speaker has 'around 20 years of international experience with a leading MNE'. The best-matching row, C1, shows 19 years at an Indian MNE and 12 years of international experience."},
    {"id": "004.discrepancy.9", "text": "Quote speakers are described by product labels that do not all appear in Table 1 ('cloud application', 'e-commerce', 'digital marketing'), so most quotes cannot be tied to a case with confidence."},
    {"id": "004.discrepancy.10", "text": "The text says the data structure was built by categorising first-order themes into internal vs external networks. The 'Type of learning' column is a separate classification (Huber 1991)."},
  ],
  trustworthiness: {
    reported: ["General interview guide to give a common structure across cases, 'to alleviate validity concerns' (Miles & Huberman 1994)", "Audio recording and verbatim transcription", "Secondary sources combined with interviews when building case narratives (data triangulation in effect, though the paper does not use that word)", "Within-case then cross-case analysis, iterating with the literature", "Purposeful sampling for variation; sample size justified against comparable studies"],
    notReported: ["number of coders", "inter-coder reliability or agreement (no kappa)", "QDA software", "member checking", "saturation", "audit trail or codebook", "per-case code frequencies", "which cases display which themes (apart from one quote labelled Case 3)", "the identity of the two exploration firms"],
  },
  caseFlags: {"C2": ["2 countries; this breaks the stated sampling criterion of MORE than two countries"], "C3": ["Stated number of countries (4) differs from the number listed (3)"], "C4": ["Foreign sales 30% (<50%), against the text's claim that all cases earn most revenue abroad", "The market list contains a region ('North America'), and the cell begins 'Global digital presence'"], "C5": ["Stated number of countries (4) differs from the number listed (5)"], "C9": ["First export 3 years after founding; this breaks the stated sampling criterion of within 2 years"], "C10": ["2 countries; this breaks the stated sampling criterion of MORE than two countries"]},
  claims,
};
