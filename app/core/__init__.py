"""The small Qt-free kernel every domain package may use.

Database engine and unit of work (`db`), migrations (`migrate`), paths and settings
(`paths`), clock (`clock`), money (`money`) and base errors (`errors`). It imports no domain
package and no Qt.
"""
