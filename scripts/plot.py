#!/usr/bin/python3
"""Plot any chemomech output directory: one command for both models.

Usage:
    scripts/plot.py OUTPUT_DIR [--out FILE.png]

Detects from the columns of OUTPUT_DIR/statistics.csv which model wrote the
directory and makes its figure:

  * particle model: stoichiometry, stresses, time steps and Newton iterations
    (as scripts/plot_statistics.py), default OUTPUT_DIR/statistics.png;
  * electrode model: voltage and current, capacity per cycle, porosity of
    each electrode, SEI growth and lithium lost (as scripts/plot_cycling.py),
    default OUTPUT_DIR/cycling.png.

Exit code 1 with a message naming the directory when it is missing, empty
or holds no statistics.csv of either model. Needs numpy and matplotlib
(Debian: python3-numpy, python3-matplotlib). Through-thickness profiles of
the electrode model: scripts/plot_profiles.py.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chemomech_output  # noqa: E402


def fail(message):
    print("plot.py: error: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", metavar="OUTPUT_DIR", help="chemomech output directory")
    parser.add_argument("--out", "--output", "-o", dest="out", metavar="FILE.png",
                        help="PNG to write (default: OUTPUT_DIR/statistics.png for the "
                        "particle model, OUTPUT_DIR/cycling.png for the electrode model)")
    args = parser.parse_args()
    try:
        model = chemomech_output.model_of(args.directory)
    except chemomech_output.OutputError as error:
        fail(str(error))
    chemomech_output.pyplot("plot.py")
    if model == "particle":
        import plot_statistics as figure
        default = "statistics.png"
    else:
        import plot_cycling as figure
        default = "cycling.png"
    png = args.out or os.path.join(args.directory, default)
    try:
        figure.plot(args.directory, png)
    except chemomech_output.OutputError as error:
        fail(str(error))
    except OSError as error:
        fail("cannot write '%s': %s" % (png, error))
    print("wrote %s (%s model)" % (png, model))


if __name__ == "__main__":
    main()
