"""Template tag libraries of the security app."""
