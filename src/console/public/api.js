// Calls the certref API with the signed-in technician's key; problems become ApiError.

const STORAGE_KEY = 'certref.console.session';

/** The session lives in sessionStorage: closing the tab signs out. */
export const session = {
  get() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    } catch {
      return null;
    }
  },
  set(value) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  },
  clear() {
    sessionStorage.removeItem(STORAGE_KEY);
  },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.message?.zh ?? `请求失败（HTTP ${status}）`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

/** JSON in, JSON out (or a Blob for files). `key` overrides the session's (used when signing in). */
export async function api(path, { method = 'GET', body, form, key } = {}) {
  const headers = {};
  const credential = key ?? session.get()?.key;
  if (credential) headers.authorization = `Bearer ${credential}`;
  let payload;
  if (form) payload = form;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, { code: 'network', message: { zh: '无法连接服务器，请检查网络后重试。', en: 'Network error.' } });
  }
  const type = response.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await response.json() : await response.blob();
  if (!response.ok) {
    if (response.status === 401 && !key) {
      session.clear();
      window.dispatchEvent(new CustomEvent('certref:signed-out', { detail: data }));
    }
    throw new ApiError(response.status, type.includes('json') ? data : null);
  }
  return data;
}
