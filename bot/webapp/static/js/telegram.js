// Telegram's side of the page: theme, Back and Main buttons, invoices. Outside Telegram
// (window.Telegram missing) the page says to open it from the bot.
export const tg = window.Telegram && window.Telegram.WebApp;

export function applyTheme() {
  const theme = (tg && tg.themeParams) || {};
  for (const [name, value] of Object.entries(theme)) {
    document.documentElement.style.setProperty(`--tg-theme-${name.replaceAll("_", "-")}`, value);
  }
}

let mainHandler = null;

// One action at a time on the Main button: setting a new one drops the old.
export function mainButton(text, handler) {
  const button = tg.MainButton;
  if (mainHandler) button.offClick(mainHandler);
  mainHandler = null;
  if (!text) {
    button.hide();
    return;
  }
  mainHandler = handler;
  button.setParams({ text, is_active: true, is_visible: true });
  button.hideProgress();
  button.onClick(handler);
  button.show();
}

export function busy(on) {
  if (on) {
    tg.MainButton.showProgress(false);
    tg.MainButton.disable();
  } else {
    tg.MainButton.hideProgress();
    tg.MainButton.enable();
  }
}

let backHandler = null;

// Back goes one level up (summary to its service, a page to the catalogue): the page may
// have been opened at any level, so the browser's history is not the way back.
export function backButton(target) {
  const button = tg.BackButton;
  if (backHandler) button.offClick(backHandler);
  backHandler = null;
  if (!target) {
    button.hide();
    return;
  }
  backHandler = () => { location.hash = target; };
  button.onClick(backHandler);
  button.show();
}
