"""The main window and what every area shares: navigation, operations, style, common widgets."""
