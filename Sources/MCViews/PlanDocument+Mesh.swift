import MCPlanning

extension PlanDocument {
    /// The plan's `mesh` object (formatVersion 1.1): what the mesh gains and loses.
    package struct Mesh: Codable, Sendable {
        package struct Cluster: Codable, Sendable {
            package var name: String
            package var action: MeshChanges.Action
        }

        package struct LinkSide: Codable, Sendable {
            package var mode: String
            @NullWhenNil package var gatewayAddress: String?
            @NullWhenNil package var gatewayPort: String?
            @NullWhenNil package var gatewayIdentity: String?
        }

        package struct Link: Codable, Sendable {
            package var source: String
            package var target: String
            package var action: MeshChanges.Action
            package var mode: String
            @NullWhenNil package var before: LinkSide?
            @NullWhenNil package var after: LinkSide?
        }

        package struct Export: Codable, Sendable {
            package var cluster: String
            package var namespace: String
            package var service: String
            package var mode: String
            package var action: MeshChanges.Action
            package var mirroredBy: [String]
        }

        package struct Mirror: Codable, Sendable {
            package var cluster: String
            package var namespace: String
            package var service: String
            /// The cluster mirrored (several, comma-separated, for a federated Service).
            package var from: String
            package var action: MeshChanges.Action
        }

        /// A weight as rendered: a number, or a quantity such as `500m` (SMI v1alpha1).
        package enum Weight: Codable, Sendable, Equatable {
            case number(Int)
            case quantity(String)

            init(_ text: String) {
                self = Int(text).map(Weight.number) ?? .quantity(text)
            }

            package init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .quantity(try container.decode(String.self)) }
            }

            package func encode(to encoder: Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .number(let number): try container.encode(number)
                case .quantity(let text): try container.encode(text)
                }
            }
        }

        package struct Backend: Codable, Sendable {
            package var service: String
            @NullWhenNil package var before: Weight?
            @NullWhenNil package var after: Weight?
        }

        package struct Primary: Codable, Sendable {
            @NullWhenNil package var before: String?
            @NullWhenNil package var after: String?
        }

        package struct Split: Codable, Sendable {
            package var cluster: String
            package var namespace: String
            package var name: String
            package var action: MeshChanges.Action
            package var backends: [Backend]
            /// The failover primary before and after; null for a split without failover.
            @NullWhenNil package var primary: Primary?
        }

        package struct Anchor: Codable, Sendable {
            package var subject: String
            package var sha256: String
            package var notAfter: String
        }

        package struct Trust: Codable, Sendable {
            package var cluster: String
            package var added: [Anchor]
            package var removed: [Anchor]
        }

        package struct Credential: Codable, Sendable {
            package var cluster: String
            package var store: String
            package var key: String
        }

        package struct Wiring: Codable, Sendable {
            package var kind: String
            package var name: String
            package var action: MeshChanges.Action
        }

        package struct Risk: Codable, Sendable {
            package var kind: String
            package var cluster: String
            package var detail: String
        }

        package var clusters: JSONList<Cluster> = []
        package var links: JSONList<Link> = []
        package var exports: JSONList<Export> = []
        package var mirrors: JSONList<Mirror> = []
        package var splits: JSONList<Split> = []
        package var trust: JSONList<Trust> = []
        package var credentials: JSONList<Credential> = []
        package var wiring: JSONList<Wiring> = []
        package var risks: JSONList<Risk> = []

        /// The mesh changes, with the risks worded (`rendered`: the folder's display path).
        init(_ mesh: MeshChanges, rendered: String) {
            @Sendable func side(_ state: MeshChanges.LinkState?) -> LinkSide? {
                state.map { LinkSide(mode: $0.mode, gatewayAddress: $0.gatewayAddress, gatewayPort: $0.gatewayPort, gatewayIdentity: $0.gatewayIdentity) }
            }
            clusters = JSONList(mesh.clusters) { Cluster(name: $0.name, action: $0.action) }
            links = JSONList(mesh.links) { Link(source: $0.source, target: $0.target, action: $0.action, mode: $0.mode, before: side($0.before), after: side($0.after)) }
            exports = JSONList(mesh.exports) {
                Export(cluster: $0.cluster, namespace: $0.namespace, service: $0.service, mode: $0.mode, action: $0.action, mirroredBy: $0.mirroredBy)
            }
            mirrors = JSONList(mesh.mirrors) {
                Mirror(cluster: $0.cluster, namespace: $0.namespace, service: $0.service, from: $0.from.joined(separator: ","), action: $0.action)
            }
            splits = JSONList(mesh.splits) { split in
                Split(cluster: split.cluster, namespace: split.namespace, name: split.name, action: split.action,
                      backends: split.backends.map { Backend(service: $0.service, before: $0.before.map(Weight.init), after: $0.after.map(Weight.init)) },
                      primary: split.primaryBefore == nil && split.primaryAfter == nil ? nil : Primary(before: split.primaryBefore, after: split.primaryAfter))
            }
            func anchor(_ value: MeshChanges.Anchor) -> Anchor { Anchor(subject: value.subject, sha256: value.sha256, notAfter: value.notAfter) }
            trust = JSONList(mesh.trust.map { Trust(cluster: $0.cluster, added: $0.added.map(anchor), removed: $0.removed.map(anchor)) })
            credentials = JSONList(mesh.credentials) { Credential(cluster: $0.cluster, store: $0.store, key: $0.key) }
            wiring = JSONList(mesh.wiring) { Wiring(kind: $0.kind, name: $0.name, action: $0.action) }
            risks = JSONList(mesh.risks.map { Risk(kind: $0.kind, cluster: $0.cluster, detail: MeshText.risk($0, rendered: rendered)) })
        }
    }
}
