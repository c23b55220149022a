"""The Qt desktop application: screens, Qt models, operations and the task runner."""
