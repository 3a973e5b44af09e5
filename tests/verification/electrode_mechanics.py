"""Two-way electrode chemo-mechanics at the system level (Model = electrode,
doc/electrode-model.md sections 5a and 12), on the 1D graphite | lithium
half cell of electrode_mechanics/half_cell.prm with both stress couplings of
the particle surface on:

1. open-circuit shift under stack pressure: a resting cell under p = 20 MPa
   against the same cell under p = 0: V(p) - V(0) equals
   -Omega_mu (1 + nu) p / (3 F (1 - nu)(1 - eps_0)) at every step to 1e-6
   relative; the reported stack pressure is p to 1e-9 and the cell thinner
   by p (L_e/M_e + L_s/M_s) (M the P-wave modulus of each layer) to 1e-9;
2. a free electrode lithiated at C/5 for 30 min: its thickness change equals
   (1 + nu)/(1 - nu) eps_a beta c_max L_e (x_mean - x_0) / 3 at every step
   (sigma_xx = 0, lateral strains 0) to 1e-9, the cell's equals it, no
   stack pressure;
3. the same electrode in a rigid can (u_x = 0 at both faces): the stack
   pressure equals (3 K_e / M_e) I_e / (L_e/M_e + L_s/M_s),
   I_e = eps_a beta c_max L_e (x_mean - x_0)/3, at every step to 1e-9, and
   the cell keeps its thickness;
4. the same on a spring (p_0 = 1 MPa, k = 1e12 Pa/m): stack pressure
   = p_0 + k (thickness change of the cell) to 1e-9;
5. SEI growth between two stack pressures (reaction-limited SEI with the
   stress factor, equilibrium-potential shift off): the ratio of the lithium
   lost in the first step equals exp(alpha_c Omega_SEI (sigma_2 - sigma_1)
   / (R T) - alpha_c n F (V_2 - V_1) / (R T)) at the surface stresses and
   potentials the runs report, to 1e-6;
6. mixture kinematics per reference volume: a free electrode swollen from
   the start (reference concentration 5000 mol/m^3 below the initial
   6627) and resting: porosity = 1 - (eps_i + eps_a (1 + beta dc)) / (1 +
   eps_xx), eps_xx = (1 + nu)/(1 - nu) e*, to 1e-10, and its thickness
   change eps_xx L_e; lithiated at C/5 with SEI growth, the total lithium
   (salt per reference volume J eps c_e, particles, SEI) is conserved per
   step to 1e-12;
7. every case conserves lithium per step to 1e-10 of the total and balances
   charge to 1e-9 of the 1C current.
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()
CASE = "verification/electrode_mechanics/half_cell.prm"

F = 96485.33212
R = 8.314462618
T = 298.15
# The constants of half_cell.prm.
E_e, nu_e = 5e9, 0.3
E_s, nu_s = 0.5e9, 0.3
eps_0, eps_a = 0.25, 0.75
beta, c_max, x_0 = 3.1e-6, 33133.0, 0.2
L_e, L_s = 60e-6, 20e-6
omega_mu = 3.1e-6
alpha_c, n_sei, omega_sei = 0.5, 2, 9.585e-5


def p_wave(E, nu):
    return E * (1 - nu) / ((1 + nu) * (1 - 2 * nu))


M_e, M_s = p_wave(E_e, nu_e), p_wave(E_s, nu_s)
K_e = E_e / (3 * (1 - 2 * nu_e))
lithiate = "CC discharge 0.2C until V<0.005 or t>1800s"


def run(name, stack, protocol, extra=""):
    text = ("subsection Electrode mechanics\n%s\nend\n"
            "subsection Cycling\n  set Steps = %s\nend\n%s" % (stack, protocol, extra))
    out = common.run_file(args, name, CASE, text)
    return common.read_csv(os.path.join(out, "statistics.csv"))


def swelling_integral(x_mean):
    """int e* dx over the electrode (m)."""
    return eps_a * beta * c_max * L_e * (x_mean - x_0) / 3


cases = {}

# 1. Open-circuit shift under stack pressure
p = 20e6
r0 = cases["rest p = 0"] = run("rest_p0", "  set Stack face = pressure\n  set Stack pressure = 0",
                               "rest 600s")
rp = cases["rest p = 20 MPa"] = run("rest_p20", "  set Stack face = pressure\n  set Stack pressure = %g" % p,
                                    "rest 600s")
shift = -omega_mu * (1 + nu_e) * p / (3 * F * (1 - nu_e) * (1 - eps_0))
check.true("rest: both runs take the same steps", len(r0) == len(rp) and len(r0) > 2,
           "%d vs %d rows" % (len(r0), len(rp)))
worst = max(abs((b["voltage"] - a["voltage"]) - shift) for a, b in zip(r0[1:], rp[1:]))
check.near("rest: max |V(p) - V(0) - closed-form shift| / |shift| (shift %.4e V)" % shift,
           worst, 0.0, 1e-6, abs(shift))
check.near("rest: stack pressure = p", rp[-1]["stack_pressure"], p, 1e-9)
check.near("rest: cell thickness change = -p (L_e/M_e + L_s/M_s)",
           rp[-1]["thickness_change_cell"], -p * (L_e / M_e + L_s / M_s), 1e-9)

# 2. Free electrode
fr = cases["free"] = run("free", "  set Stack face = free", lithiate)
scale = abs((1 + nu_e) / (1 - nu_e) * swelling_integral(fr[-1]["soc"]))
check.true("free: the electrode lithiated", fr[-1]["soc"] > x_0 + 0.05, "x = %.4f" % fr[-1]["soc"])
worst = max(abs(r["thickness_change_negative"] -
                (1 + nu_e) / (1 - nu_e) * swelling_integral(r["soc"])) for r in fr)
check.near("free: thickness change = (1+nu)/(1-nu) int e* (max error / final, %.4e m)" % scale,
           worst, 0.0, 1e-9, scale)
check.near("free: cell thickness change = electrode's",
           max(abs(r["thickness_change_cell"] - r["thickness_change_negative"]) for r in fr),
           0.0, 1e-9, scale)
check.near("free: no stack pressure", max(abs(r["stack_pressure"]) for r in fr), 0.0, 1e-9,
           K_e * 3 * swelling_integral(fr[-1]["soc"]) / L_e)

# 3. Rigid can
rg = cases["rigid"] = run("rigid", "  set Stack face = rigid", lithiate)


def confined_pressure(x_mean):
    return 3 * K_e / M_e * swelling_integral(x_mean) / (L_e / M_e + L_s / M_s)


pscale = confined_pressure(rg[-1]["soc"])
worst = max(abs(r["stack_pressure"] - confined_pressure(r["soc"])) for r in rg)
check.near("rigid: stack pressure = closed form (max error / final, %.4e Pa)" % pscale,
           worst, 0.0, 1e-9, pscale)
check.near("rigid: the cell keeps its thickness",
           max(abs(r["thickness_change_cell"]) for r in rg), 0.0, 1e-12, scale)

# 4. Spring
p0, k = 1e6, 1e12
sp = cases["spring"] = run("spring", "  set Stack face = spring\n  set Stack pressure = %g\n"
                           "  set Stack stiffness = %g" % (p0, k), lithiate)
worst = max(abs(r["stack_pressure"] - (p0 + k * r["thickness_change_cell"])) for r in sp[1:])
check.near("spring: stack pressure = p_0 + k (cell thickness change)", worst, 0.0, 1e-9,
           sp[-1]["stack_pressure"])

# 5. SEI growth between two stack pressures
# A slow SEI (i_SEI << i_0): the intercalation overpotential that feeds it
# stays below 1e-5 V, so both runs rest at the same potential.
sei = ("subsection Negative electrode\n  set SEI growth = true\n"
       "  subsection SEI\n    set Rate constant = 1e-16\n  end\n"
       "  subsection Particle mechanics\n    set Stress in equilibrium potential = false\n"
       "  end\nend\n")
s1 = cases["SEI, p = 0"] = run("sei_p0", "  set Stack face = pressure\n  set Stack pressure = 0",
                               "rest 3600s", sei)
s2 = cases["SEI, p = 20 MPa"] = run("sei_p20", "  set Stack face = pressure\n  set Stack pressure = %g" % p,
                                    "rest 3600s", sei)
sig1, sig2 = s1[1]["surface_stress_negative"], s2[1]["surface_stress_negative"]
# The SEI current goes as exp(-alpha_c n F eta_SEI / RT) s(sigma); at rest
# eta_SEI = V - U_SEI (phi_e = 0 at the idle lithium metal), and the runs'
# potentials differ by the drain of the particle surfaces the SEI itself
# causes (a few uV): both factors at the end-of-step values reported.
dv = s2[1]["voltage"] - s1[1]["voltage"]
expected = math.exp(alpha_c * omega_sei * (sig2 - sig1) / (R * T) - alpha_c * n_sei * F * dv / (R * T))
measured = s2[1]["lithium_sei"] / s1[1]["lithium_sei"]
check.true("SEI: compression at the particle surfaces", sig2 < sig1 - 1e6,
           "sigma = %.4e vs %.4e Pa" % (sig2, sig1))
check.near("SEI: growth ratio = SEI law at the reported stress and potential = %.6f" % expected,
           measured, expected, 1e-6)

# 6. Mixture kinematics
mix = ("subsection Negative electrode\n  subsection Pore structure\n    set Kinematics = mixture\n"
       "    set Reference concentration = 5000\n  end\nend\n")
mx = cases["mixture, rest"] = run("mixture_rest", "  set Stack face = free", "rest 600s", mix)
dc = x_0 * c_max - 5000
e_star = eps_a * beta * dc / 3
eps_xx = (1 + nu_e) / (1 - nu_e) * e_star
eps_i = 1 - eps_0 - eps_a
closed = 1 - (eps_i + eps_a * (1 + beta * dc)) / (1 + eps_xx)
check.near("mixture: free swelling porosity = 1 - (eps_i + eps_a(1 + beta dc))/(1 + eps_xx) = %.10f"
           % closed, mx[-1]["porosity_mean"], closed, 1e-10)
check.near("mixture: thickness change = eps_xx L_e", mx[-1]["thickness_change_negative"],
           eps_xx * L_e, 1e-9)
mixsei = mix.replace("  subsection Pore structure", "  set SEI growth = true\n  subsection Pore structure")
ms = cases["mixture, C/5 with SEI"] = run("mixture_cc", "  set Stack face = pressure\n"
                                          "  set Stack pressure = 1e6", lithiate, mixsei)
check.true("mixture: SEI grew", ms[-1]["lithium_sei"] > 0)
check.near("mixture: max lithium balance error per step",
           max(abs(r["lithium_balance_error"]) for r in ms), 0.0, 1e-12, 1.0)

# 7. Conservation in every case
for label, rows in cases.items():
    check.near("%s: max lithium balance error per step" % label,
               max(abs(r["lithium_balance_error"]) for r in rows), 0.0, 1e-10, 1.0)
    check.near("%s: max charge imbalance / 1C current" % label,
               max(abs(r["charge_balance_error"]) for r in rows), 0.0, 1e-9, 1.0)

sys.exit(check.finish())
