"""Reading a chemomech output directory (shared by the plot scripts).

chemomech writes its CSV files (statistics.csv, cycles.csv, probes.csv,
lineout-NNN.csv) with one header line of labels "name [unit]" ("time [s]",
"mean_x [-]" for a dimensionless column) or a bare "name" for counts and
indices ("newton_iterations", "cycle"), then comma-separated numbers. The
functions here key the columns by the bare name and keep the units apart.
Pure Python: no numpy needed.
"""

import csv
import os
import re

LABEL = re.compile(r"^(?P<name>[^\[\]]*?)(?: \[(?P<unit>[^\]]+)\])?$")


class OutputError(Exception):
    """A directory or file that is not (or not yet) chemomech output."""


def split_label(label):
    """'time [s]' -> ('time', 's'); 'cycle' -> ('cycle', None)."""
    match = LABEL.match(label.strip())
    if not match:
        raise ValueError("bad column label %r" % label)
    return match.group("name"), match.group("unit")


class Table:
    """A CSV file: columns (bare names, in order), units (name -> unit or
    None) and data (name -> list of floats)."""

    def __init__(self, path):
        with open(path, newline="") as f:
            rows = [row for row in csv.reader(f) if row]
        if not rows:
            raise ValueError("empty file")
        labels = rows[0]
        self.columns = []
        self.units = {}
        for label in labels:
            name, unit = split_label(label)
            self.columns.append(name)
            self.units[name] = unit
        self.data = {name: [] for name in self.columns}
        for number, row in enumerate(rows[1:], start=2):
            if len(row) != len(labels):
                raise ValueError("line %d has %d values, the header %d"
                                 % (number, len(row), len(labels)))
            for name, value in zip(self.columns, row):
                self.data[name].append(float(value))
        self.n_rows = len(rows) - 1

    def __contains__(self, name):
        return name in self.data

    def __getitem__(self, name):
        return self.data[name]

    def label(self, name, unit=None):
        """An axis label 'name (unit)' (@p unit overrides the file's)."""
        unit = unit or self.units.get(name)
        text = name.replace("_", " ")
        return text if not unit or unit == "-" else "%s (%s)" % (text, unit)


def model_of(directory):
    """'particle' or 'electrode': the model that wrote @p directory, from the
    columns of its statistics.csv. Raises OutputError with a message for a
    directory that is missing, empty, or not chemomech output."""
    if not os.path.isdir(directory):
        raise OutputError("'%s' is not a directory" % directory)
    path = os.path.join(directory, "statistics.csv")
    if not os.path.isfile(path):
        present = sorted(os.listdir(directory))
        raise OutputError(
            "'%s' is not a chemomech output directory: it has no statistics.csv (%s; "
            "statistics.csv appears once a run has started)"
            % (directory, "it is empty" if not present
               else "it holds " + ", ".join(present[:5]) + (" ..." if len(present) > 5 else "")))
    with open(path, newline="") as f:
        header = next(csv.reader(f), [])
    names = set(split_label(label)[0] for label in header)
    if {"voltage", "cycle", "current"} <= names:
        return "electrode"
    if {"mean_x", "total_lithium"} <= names:
        return "particle"
    raise OutputError("'%s' is neither the particle model's nor the electrode model's "
                      "statistics.csv (columns: %s)" % (path, ", ".join(sorted(names)) or "none"))


def read_statistics(directory):
    """The Table of DIRECTORY/statistics.csv; OutputError if it is missing,
    unreadable or has no rows."""
    path = os.path.join(directory, "statistics.csv")
    try:
        table = Table(path)
    except (OSError, ValueError) as error:
        raise OutputError("cannot read '%s': %s" % (path, error))
    if table.n_rows == 0:
        raise OutputError("'%s' has no rows below the header" % path)
    if "time" not in table:
        raise OutputError("'%s' has no 'time' column" % path)
    return table


SYSTEM_PYTHON = "/usr/bin/python3"


def pyplot(script):
    """matplotlib.pyplot with the Agg backend (no display needed). When this
    'python3' lacks matplotlib (a virtualenv, pyenv), runs the script again
    once with the system interpreter, which has the Debian packages; else
    exits with code 1 and a message naming @p script."""
    import sys
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        return plt
    except ImportError as error:
        if (os.path.isfile(SYSTEM_PYTHON)
                and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)
                and not os.environ.get("CHEMOMECH_PLOT_REEXEC")):
            os.environ["CHEMOMECH_PLOT_REEXEC"] = "1"
            os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
        print("%s: error: %s (install python3-matplotlib, or run with %s)"
              % (script, error, SYSTEM_PYTHON), file=sys.stderr)
        sys.exit(1)
