cmd-backup = A backup of the database, sent here (admins)
admin-backup-sent = Backup { $name }: checked and sound. Keep it somewhere safe: it holds every customer's balance and orders.
admin-backup-failed = The backup failed ({ $error }); the details are in the bot's log.
