"""Running the bot for real: the webhook server, health, Prometheus metrics, housekeeping."""
