/**
 * Where `apiFetch` gets the bearer token and how it asks for a fresh one. The auth store registers
 * itself here, so the api layer does not depend on auth (and auth can use the api layer).
 */
export interface TokenSource {
  getAccessToken(): string | null;
  /** Single-flight: concurrent callers share one refresh. Null when no new token could be had. */
  refreshAccessToken(): Promise<string | null>;
}

let source: TokenSource = {
  getAccessToken: () => null,
  refreshAccessToken: async () => null,
};

export function setTokenSource(next: TokenSource): void {
  source = next;
}

export function tokenSource(): TokenSource {
  return source;
}
