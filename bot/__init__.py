"""A Telegram shop window for an SMM panel reseller."""
