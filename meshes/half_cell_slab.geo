// Half-cell slab: graphite electrode and separator against a lithium-metal
// counter electrode, the layout of chemomech's built-in electrode mesh
// (subsection "Electrode geometry", Cell type = half cell) with its defaults.
//
// Lengths are in micrometres: the parameter file sets
//   subsection Electrode geometry  set Mesh length unit = 1e-6  end
//
// x is the through-thickness direction:
//   x in [0, Ln]        graphite (working) electrode
//   x in [Ln, Ln + Ls]  separator
//   x = Ln + Ls         lithium-metal counter electrode (a face, no volume)
//   y in [0, W], z in [0, D]
//
// Tags (deal.II's GridIn::read_msh turns them into ids):
//   Physical Volume  1 -> material id 1, negative (working) electrode
//   Physical Volume  2 -> material id 2, separator
//   Physical Surface 1 -> boundary id 1, x = 0 (current collector)
//   Physical Surface 2 -> boundary id 2, x = L (lithium metal)
//   Physical Surface 3, 4 -> boundary ids 3, 4: y = 0, y = W
//   Physical Surface 5, 6 -> boundary ids 5, 6: z = 0, z = D
// The electrode/separator interface is not tagged (it is interior).
//
// Structured hexahedra by extrusion: nn x ny x nz cells in the electrode,
// ns x ny x nz in the separator (7 x 2 x 2 + 3 x 2 x 2 = 40 hexahedra).
//
// Regenerate (from the repository root):
//   gmsh -3 meshes/half_cell_slab.geo -o meshes/half_cell_slab.msh

Ln = 70;   // electrode thickness (um)
Ls = 25;   // separator thickness (um)
W  = 20;   // width along y (um)
D  = 20;   // depth along z (um)
nn = 7;    // cells through the electrode
ns = 3;    // cells through the separator
ny = 2;    // cells along y
nz = 2;    // cells along z

Point(1) = {0, 0, 0};
Point(2) = {Ln, 0, 0};
Point(3) = {Ln + Ls, 0, 0};
Line(1) = {1, 2};
Line(2) = {2, 3};
Transfinite Curve{1} = nn + 1;
Transfinite Curve{2} = ns + 1;

a[] = Extrude {0, W, 0} { Curve{1}; Layers{ny}; Recombine; };
b[] = Extrude {0, W, 0} { Curve{2}; Layers{ny}; Recombine; };
va[] = Extrude {0, 0, D} { Surface{a[1]}; Layers{nz}; Recombine; };
vb[] = Extrude {0, 0, D} { Surface{b[1]}; Layers{nz}; Recombine; };

e = 1e-3 * Ls;  // bounding-box slack
L = Ln + Ls;
Physical Volume(1) = {va[1]};
Physical Volume(2) = {vb[1]};
Physical Surface(1) = Surface In BoundingBox {-e, -e, -e, e, W + e, D + e};
Physical Surface(2) = Surface In BoundingBox {L - e, -e, -e, L + e, W + e, D + e};
Physical Surface(3) = Surface In BoundingBox {-e, -e, -e, L + e, e, D + e};
Physical Surface(4) = Surface In BoundingBox {-e, W - e, -e, L + e, W + e, D + e};
Physical Surface(5) = Surface In BoundingBox {-e, -e, -e, L + e, W + e, e};
Physical Surface(6) = Surface In BoundingBox {-e, -e, D - e, L + e, W + e, D + e};

Mesh.MshFileVersion = 2.2;  // ASCII MSH 2.2, read reliably by deal.II 9.4
