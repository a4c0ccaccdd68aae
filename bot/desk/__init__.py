"""What admins see: statuses, flags, customers and money put in the admin's language."""
