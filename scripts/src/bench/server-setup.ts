/** How a benchmark server process is seeded. */
export type ServerSetup =
  /** forms/ as it is, plus generated long forms (field counts) owned by Östersund. */
  | { kind: 'forms'; clientDir: string; largeForms: number[] }
  /** Generated municipalities, each with its own copies of forms/ e-services. */
  | { kind: 'generated'; clientDir: string; tenants: number; servicesPerTenant: number };

/** What a server process reports about itself. */
export interface ServerStats {
  rss: number;
  heapUsed: number;
  /** Validators compiled so far (each compile adds one). */
  validators: number;
}
