"""The program around the pages: the launcher, the main window, the login, the first-start
wizard, the password change."""
