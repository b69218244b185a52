// Last line of defence for log lines from msal and from sign-in errors: masks JWTs, and the values of
// token-, code- and secret-bearing parameters, before anything reaches a log channel or a message.
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const PARAMS = /\b(access_token|refresh_token|id_token|client_secret|client_assertion|code|code_verifier|device_code|assertion|password)(["']?\s*[=:]\s*["']?)([^&\s"',;]+)/gi;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi;

export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let out = text.replace(JWT, '<jwt>').replace(BEARER, '$1<redacted>').replace(PARAMS, '$1$2<redacted>');
  for (const secret of extraSecrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('<redacted>');
  }
  return out;
}
