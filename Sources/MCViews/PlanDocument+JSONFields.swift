// The plan's items that a large mesh makes tens of thousands of, each writing its JSON fields
// itself (`JSONFieldsWritable`): the same bytes as their `Encodable` conformance, keys sorted.

extension PlanDocument.Change: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("action", action)
        object.field("apiVersion", apiVersion)
        object.field("cluster", cluster)
        object.field("kind", kind)
        object.field("name", name)
        object.field("namespace", namespace)
        object.field("path", path)
        object.field("reason", reason)
    }
}

extension PlanDocument.File: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("action", action)
        object.field("diff", diff)
        object.field("path", path)
    }
}

extension PlanDocument.Drift: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("detail", detail)
        object.field("kind", kind)
        object.field("path", path)
    }
}

extension PlanDocument.Link: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("source", source)
        object.field("status", status)
        object.field("target", target)
    }
}

extension PlanDocument.Mesh.Cluster: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("action", action)
        object.field("name", name)
    }
}

extension PlanDocument.Mesh.LinkSide: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("gatewayAddress", gatewayAddress)
        object.field("gatewayIdentity", gatewayIdentity)
        object.field("gatewayPort", gatewayPort)
        object.field("mode", mode)
    }
}

extension PlanDocument.Mesh.Link: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("action", action)
        object.field("after", after)
        object.field("before", before)
        object.field("mode", mode)
        object.field("source", source)
        object.field("target", target)
    }
}

extension PlanDocument.Mesh.Export: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("action", action)
        object.field("cluster", cluster)
        object.field("mirroredBy", mirroredBy)
        object.field("mode", mode)
        object.field("namespace", namespace)
        object.field("service", service)
    }
}

extension PlanDocument.Mesh.Mirror: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("action", action)
        object.field("cluster", cluster)
        object.field("from", from)
        object.field("namespace", namespace)
        object.field("service", service)
    }
}

extension PlanDocument.Mesh.Credential: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("cluster", cluster)
        object.field("key", key)
        object.field("store", store)
    }
}

extension PlanDocument.Mesh.Wiring: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("action", action)
        object.field("kind", kind)
        object.field("name", name)
    }
}

extension PlanDocument.Mesh.Risk: JSONFieldsWritable {
    package func writeFields(_ object: inout JSONObjectWriter) {
        object.field("cluster", cluster)
        object.field("detail", detail)
        object.field("kind", kind)
    }
}
