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

/** What to say when the answer is not one of our problem documents (a proxy's page, a cut connection). */
function fallbackText(status) {
  if (status === 0) return '无法连接服务器，请检查网络后重试。';
  if (status === 413) return '提交的内容过大，服务器拒绝接收。';
  if (status >= 500) return '服务器暂时无法处理请求，请稍后重试。';
  return `请求失败（状态码 ${status}）。`;
}

/** `message` is always the Chinese explanation with the code, so any banner that shows it says what went wrong. */
export class ApiError extends Error {
  constructor(status, problem) {
    const code = problem?.code || (status === 0 ? 'network' : `http_${status}`);
    const zh = problem?.message?.zh || fallbackText(status);
    super(`${zh}（错误代码：${code}）`);
    this.status = status;
    this.code = code;
    this.problem = problem ?? {};
  }
}

/** The problem document, or null when the body is not JSON (even if it claims to be). */
async function readProblem(response) {
  try {
    return await response.json();
  } catch {
    return null;
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
    throw new ApiError(0, null);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const problem = type.includes('json') ? await readProblem(response) : null;
    if (response.status === 401 && !key) {
      session.clear();
      window.dispatchEvent(new CustomEvent('certref:signed-out', { detail: problem }));
    }
    throw new ApiError(response.status, problem);
  }
  return type.includes('json') ? await response.json() : await response.blob();
}
