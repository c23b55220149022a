"""``regie bench``: timed operations against their raw-SQL bounds."""
