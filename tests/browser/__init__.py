"""Browser tests: the dashboard in Debian's headless Chromium, driven by Playwright."""
