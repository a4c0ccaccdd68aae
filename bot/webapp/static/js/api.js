// The shop's JSON API: every call carries Telegram's signed initData, which the server checks.
export class ApiError extends Error {
  constructor(status, error) {
    super(error.message);
    this.status = status;
    this.code = error.code;
    this.details = error;
  }
}

// `signedOut(error)`: what the page does when the server no longer takes its initData.
export function makeApi(initData, signedOut) {
  async function request(method, path, body) {
    const options = { method, headers: { "X-Telegram-Init-Data": initData } };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    let answer;
    try {
      answer = await fetch(`api/${path}`, options);
    } catch (failure) {
      throw new ApiError(0, { code: "network", message: String(failure) });
    }
    const data = await answer.json().catch(() => ({}));
    if (!answer.ok) {
      const error = new ApiError(answer.status, data.error || { code: "http", message: answer.statusText });
      if (answer.status === 401 && signedOut) signedOut(error);
      throw error;
    }
    return data;
  }
  return {
    me: () => request("POST", "me", {}),
    // The browser keeps the last copy and asks with If-None-Match: 304 when nothing changed.
    catalogue: () => request("GET", "catalogue"),
    quote: (body) => request("POST", "quote", body),
    place: (body) => request("POST", "place", body),
    total: (body) => request("POST", "total", body),
    orders: (status) => request("GET", `orders?status=${encodeURIComponent(status)}`),
    act: (id, action) => request("POST", `orders/${encodeURIComponent(id)}/${action}`, {}),
    balance: () => request("GET", "balance"),
    // `units` of the method's own unit (stars), as a number or the digits typed.
    topup: (method, units) => request("POST", "topup", { method, units }),
    topupState: (id) => request("GET", `topups/${encodeURIComponent(id)}`),
  };
}
